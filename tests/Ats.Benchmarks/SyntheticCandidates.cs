using System.Globalization;
using System.Text;

namespace Ats.Benchmarks;

public sealed record SyntheticCandidate(Guid Id, string Surname, string FirstName, string Patronymic, string City, string Position,
    string[] Tags, string ResumeText, DateTimeOffset UpdatedAt);

/// <summary>
/// Realistic synthetic candidates for benchmarks: names from ../shared/testdata/names-ru (popular first names,
/// surnames and patronymics matched by gender), Russian cities, positions, skills, companies, and a 2–4 KB résumé
/// in Russian or English built from phrase templates. Deterministic for a seed.
/// </summary>
public sealed class SyntheticCandidates
{
    private static readonly string[] Cities = ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург", "Нижний Новгород", "Самара", "Краснодар", "Пермь", "Уфа", "Воронеж", "Ростов-на-Дону", "Томск", "Иркутск", "Минск", "Алматы"];
    private static readonly string[] Positions = ["Java-разработчик", "Ведущий разработчик 1С", "Бухгалтер", "Аналитик данных", "DevOps-инженер", "Frontend developer", "Backend developer", "QA engineer", "Менеджер по продажам", "Системный администратор", "Product manager", "Руководитель отдела", "Data scientist", "Секретарь", "Инженер-конструктор", "HR business partner"];
    private static readonly string[] Skills = ["Java", "Kotlin", "Spring", "Kafka", "PostgreSQL", "Oracle", "Kubernetes", "Docker", "Python", "Pandas", "C#", ".NET", "JavaScript", "TypeScript", "React", "1С:Предприятие", "1С:Бухгалтерия", "Excel", "SQL", "Linux", "Ansible", "Terraform", "Go", "Redis", "ClickHouse", "Airflow", "Spark", "Tableau", "SAP", "МСФО", "РСБУ", "Jira", "Selenium", "Figma"];
    private static readonly string[] Companies = ["Сбер", "Яндекс", "ВК", "Тинькофф", "Газпром нефть", "Ростелеком", "Ozon", "Wildberries", "Авито", "Лаборатория Касперского", "МТС", "X5 Group", "Магнит", "Альфа-Банк", "ООО «Ромашка»", "АО «Технопарк»", "EPAM", "Luxoft", "JetBrains", "2ГИС"];
    private static readonly string[] RuPhrases =
    [
        "Разрабатывал высоконагруженные сервисы обработки платежей", "Проектировал микросервисную архитектуру и интеграции", "Оптимизировал запросы к базе данных и ускорил отчёты",
        "Руководил командой из {n} разработчиков", "Внедрил непрерывную интеграцию и автоматическое тестирование", "Вёл бухгалтерский и налоговый учёт",
        "Готовил отчётность по МСФО и РСБУ", "Настраивал мониторинг и алертинг", "Проводил собеседования и наставничество", "Автоматизировал складской учёт",
        "Участвовал в миграции в облако", "Поддерживал legacy-систему и переписал ключевые модули", "Отвечал за качество релизов", "Вёл переговоры с ключевыми клиентами",
    ];
    private static readonly string[] EnPhrases =
    [
        "Designed and built payment processing services", "Led a team of {n} engineers", "Migrated the monolith to microservices", "Improved query performance by {n}0%",
        "Built data pipelines with Airflow and Spark", "Introduced continuous delivery and automated testing", "Mentored junior developers", "Owned the release process",
        "Negotiated with key accounts", "Set up monitoring and alerting", "Maintained the legacy billing system",
    ];

    private readonly (string Name, bool Female)[] _firstNames;
    private readonly string[] _maleSurnames;
    private readonly string[] _malePatronymics;
    private readonly string[] _femalePatronymics;

    public SyntheticCandidates(string namesFolder)
    {
        _firstNames = File.ReadLines(Path.Combine(namesFolder, "firstnames.popular.gender.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(p => p.Length == 2).Select(p => (p[0], p[1] == "жр")).ToArray();
        _maleSurnames = File.ReadLines(Path.Combine(namesFolder, "surnames.gender.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(p => p.Length == 2 && p[1] == "мр" && (p[0].EndsWith("ОВ", StringComparison.Ordinal) || p[0].EndsWith("ЕВ", StringComparison.Ordinal) || p[0].EndsWith("ИН", StringComparison.Ordinal)))
            .Select(p => Title(p[0])).ToArray();
        var patronymics = File.ReadLines(Path.Combine(namesFolder, "midnames.gender.tsv")).Skip(1).Select(l => l.Split('\t')).Where(p => p.Length == 2).ToArray();
        _malePatronymics = patronymics.Where(p => p[1] == "мр" && p[0].EndsWith("ВИЧ", StringComparison.Ordinal)).Select(p => Title(p[0])).Take(400).ToArray();
        _femalePatronymics = patronymics.Where(p => p[1] == "жр" && p[0].EndsWith("ВНА", StringComparison.Ordinal)).Select(p => Title(p[0])).Take(400).ToArray();
    }

    public IEnumerable<SyntheticCandidate> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var epoch = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var (first, female) = _firstNames[random.Next(_firstNames.Length)];
            var surname = _maleSurnames[random.Next(_maleSurnames.Length)] + (female ? "а" : "");
            var patronymic = female ? _femalePatronymics[random.Next(_femalePatronymics.Length)] : _malePatronymics[random.Next(_malePatronymics.Length)];
            var position = Positions[random.Next(Positions.Length)];
            var city = Cities[random.Next(Cities.Length)];
            var skills = Enumerable.Range(0, random.Next(3, 8)).Select(_ => Skills[random.Next(Skills.Length)]).Distinct().ToArray();
            var english = random.NextDouble() < 0.3;
            var text = Resume(random, english, first, surname, position, city, skills);
            yield return new SyntheticCandidate(new Guid(random.Next(), (short)random.Next(short.MaxValue), (short)random.Next(short.MaxValue), BitConverter.GetBytes(random.NextInt64())),
                surname, first, patronymic, city, position, skills.Take(3).Select(s => s.ToLowerInvariant()).ToArray(), text, epoch.AddMinutes(random.Next(0, 3_000_000)));
        }
    }

    private static string Resume(Random random, bool english, string first, string surname, string position, string city, string[] skills)
    {
        var sb = new StringBuilder(4096);
        sb.Append(surname).Append(' ').Append(first).Append('\n').Append(position).Append(", ").Append(city).Append('\n');
        sb.Append(english ? "Skills: " : "Навыки: ").AppendJoin(", ", skills).Append('\n');
        var target = random.Next(2048, 4096);
        var phrases = english ? EnPhrases : RuPhrases;
        while (sb.Length < target)
        {
            var company = Companies[random.Next(Companies.Length)];
            var from = random.Next(2005, 2023);
            sb.Append('\n').Append(from.ToString(CultureInfo.InvariantCulture)).Append(" – ").Append((from + random.Next(1, 5)).ToString(CultureInfo.InvariantCulture))
                .Append(", ").Append(company).Append('\n');
            for (var k = 0; k < 4; k++)
            {
                sb.Append(phrases[random.Next(phrases.Length)].Replace("{n}", random.Next(2, 12).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
                    .Append(english ? " using " : " с использованием ").Append(skills[random.Next(skills.Length)]).Append(". ");
            }
        }
        return sb.ToString();
    }

    private static string Title(string upper) => upper[..1] + upper[1..].ToLowerInvariant();
}
