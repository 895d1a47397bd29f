using System.Text.RegularExpressions;

namespace Ats.Benchmarks;

/// <summary>
/// The benchmark's query set, the same for Lucene, PostgreSQL and the HTTP API: 41 recruiter-style queries (2–4
/// words, phrases, field prefixes, some with a city filter) and 25 name look-ups (a surname, or surname and first
/// name) of people drawn from the base. Chosen to be typical: at 100k each recruiter query matches 10–700
/// candidates (median ~200), at 1M ten times that — not a tenth of the base and not nobody
/// (`search-queries COUNT` prints the counts).
/// </summary>
public static partial class RecruiterQueries
{
    public static List<(string Text, string? City)> For(IReadOnlyList<SyntheticCandidate> people)
    {
        var list = new List<(string, string?)>
        {
            ("java kafka", "Казань"), ("разработчик 1С", "Казань"), ("ведущий разработчик 1С", "Москва"), ("бухгалтер МСФО", "Самара"),
            ("главный бухгалтер МСФО консолидированную", null), ("аналитик данных power bi", "Москва"), ("devops kubernetes terraform", "Санкт-Петербург"),
            ("devops kubernetes terraform vault", null), ("\"платёжный шлюз\"", "Екатеринбург"), ("\"микросервисную архитектуру\" scala", null),
            ("postgresql оптимизировал grpc", null), ("react typescript", "Санкт-Петербург"), ("react typescript storybook", null),
            ("руководитель отдела продаж b2b", "Краснодар"), ("мониторинг алертинг prometheus", "Москва"), ("qa engineer playwright", null),
            ("data scientist pytorch", null), ("data scientist catboost", "Москва"), ("системный администратор linux", "Новосибирск"),
            ("системный администратор mikrotik", null), ("менеджер по продажам amocrm", "Воронеж"), ("\"payment gateway\" kafka", null),
            ("главный бухгалтер 1С:ЗУП", "Уфа"), ("налоговый учёт РСБУ трансфертное", null), ("clickhouse airflow", null), ("redis kafka java", "Москва"),
            ("hr business partner", "Москва"), ("инженер-конструктор solidworks ЧПУ", null), ("наставничество java", "Москва"),
            ("миграция в облако openstack", null), ("таможенное оформление вэд", "Владивосток"), ("c# .net postgresql", "Москва"), ("go redis grpc", null),
            ("юрист арбитражные процессы", "Москва"), ("медицинский представитель", "Москва"), ("\"кредитный скоринг\" catboost", null),
            ("company:Сбер java", "Москва"), ("водитель категории c экспедитор", null), ("маркетолог telegram ads", null), ("skill:terraform ansible", "Москва"),
            ("прораб autocad", "Казань"),
        };
        var random = new Random(7);
        foreach (var p in people.OrderBy(_ => random.Next()).Take(25))
        {
            list.Add(random.Next(2) == 0 ? (p.Surname, null) : ($"{p.Surname} {p.FirstName}", null));
        }
        return list;
    }

    /// <summary>The same query for websearch_to_tsquery, which has no field prefixes.</summary>
    public static string ForPostgres(string text) => Prefix().Replace(text, "");

    [GeneratedRegex(@"(?<=^|\s)(name|city|skill|company|position|text):")]
    private static partial Regex Prefix();
}
