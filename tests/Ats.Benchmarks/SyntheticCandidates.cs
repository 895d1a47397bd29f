using System.Globalization;
using System.Text;
using static Ats.Benchmarks.SyntheticVocabulary;

namespace Ats.Benchmarks;

public sealed record SyntheticCandidate(Guid Id, string Surname, string FirstName, string Patronymic, string City, string Position,
    string[] Tags, string ResumeText, DateTimeOffset UpdatedAt);

/// <summary>
/// Synthetic candidates with the frequency shape of a real résumé base, deterministic for a seed. Names come from
/// ../shared/testdata/names-ru; a trade (17, weighted) decides the job titles, skills and the things worked on;
/// skills, titles, employers (~800, a long generated tail) and ordinary words (the 49,785 Russian word forms of
/// ../shared/testdata/stemmer-ru plus an English list) are drawn Zipf-like; cities in proportion to population.
/// A 2–4 KB résumé, 70 % Russian and 30 % English: header, skills, about, jobs with dates, education, languages.
/// BENCHMARKS.md lists the distributions.
/// </summary>
public sealed class SyntheticCandidates
{
    private const int CompanyCount = 800;

    private readonly (string Name, bool Female)[] _firstNames;
    private readonly string[] _maleSurnames;
    private readonly string[] _malePatronymics;
    private readonly string[] _femalePatronymics;
    private readonly string[] _ruWords;
    private readonly string[] _companies;
    private readonly Zipf _firstNameDraw;
    private readonly Zipf _surnameDraw;
    private readonly Zipf _professionDraw = new(Professions.Select(p => p.Weight));
    private readonly Zipf _cityDraw = new(Cities.Select(c => c.Weight));
    private readonly Zipf _ruWordDraw;
    private readonly Zipf _enWordDraw = new(EnWords.Length, 1.0);
    private readonly Zipf _companyDraw = new(CompanyCount, 0.7);
    private readonly Zipf _genericSkillDraw = new(GenericSkills.Length, 1.0);
    private readonly Zipf _ruVerbDraw = new(RuVerbs.Length, 0.8);
    private readonly Zipf _enVerbDraw = new(EnVerbs.Length, 0.8);
    private readonly Zipf _universityDraw = new(Universities.Length, 0.9);
    private readonly Dictionary<int, Zipf> _listDraws = [];
    private readonly bool[] _ruVerbFeminine = RuVerbs.Select(v => v.Split(' ')[0].EndsWith('а')).ToArray();

    public SyntheticCandidates(string namesFolder, string ruWordList)
    {
        _firstNames = File.ReadLines(Path.Combine(namesFolder, "firstnames.popular.gender.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(p => p.Length == 2).Select(p => (p[0], p[1] == "жр")).ToArray();
        _maleSurnames = File.ReadLines(Path.Combine(namesFolder, "surnames.gender.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(p => p.Length == 2 && p[1] == "мр" && (p[0].EndsWith("ОВ", StringComparison.Ordinal) || p[0].EndsWith("ЕВ", StringComparison.Ordinal) || p[0].EndsWith("ИН", StringComparison.Ordinal)))
            .Select(p => Title(p[0])).ToArray();
        var patronymics = File.ReadLines(Path.Combine(namesFolder, "midnames.gender.tsv")).Skip(1).Select(l => l.Split('\t')).Where(p => p.Length == 2).ToArray();
        _malePatronymics = patronymics.Where(p => p[1] == "мр" && p[0].EndsWith("ВИЧ", StringComparison.Ordinal)).Select(p => Title(p[0])).Take(400).ToArray();
        _femalePatronymics = patronymics.Where(p => p[1] == "жр" && p[0].EndsWith("ВНА", StringComparison.Ordinal)).Select(p => Title(p[0])).Take(400).ToArray();
        // Popular first names are listed roughly by popularity; surnames alphabetically, so they get a fixed shuffle
        // before the Zipf ranks (s = 0.6: «Иванов» common, but thousands of surnames in use).
        _firstNameDraw = new Zipf(_firstNames.Length, 0.7);
        Shuffle(_maleSurnames, new Random(3));
        _surnameDraw = new Zipf(_maleSurnames.Length, 0.6);
        var vocabulary = File.ReadLines(ruWordList).Where(w => w.Length > 1).ToArray();
        Shuffle(vocabulary, new Random(1));
        _ruWords = [.. RuFunctionWords, .. vocabulary];
        _ruWordDraw = new Zipf(_ruWords.Length, 1.0);
        _companies = Companies(new Random(2));
    }

    public static SyntheticCandidates FromSharedTestData(string root) =>
        new(Path.Combine(root, "..", "shared", "testdata", "names-ru"), Path.Combine(root, "..", "shared", "testdata", "stemmer-ru", "russian", "voc.txt"));

    public IEnumerable<SyntheticCandidate> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var epoch = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var sb = new StringBuilder(8192);
        for (var i = 0; i < count; i++)
        {
            var (first, female) = _firstNames[_firstNameDraw.Next(random)];
            var surname = _maleSurnames[_surnameDraw.Next(random)] + (female ? "а" : "");
            var patronymic = female ? _femalePatronymics[random.Next(_femalePatronymics.Length)] : _malePatronymics[random.Next(_malePatronymics.Length)];
            var profession = Professions[_professionDraw.Next(random)];
            var position = Position(random, profession);
            var city = _cityDraw.Next(random, Cities).City;
            var skills = Skills(random, profession);
            var english = random.NextDouble() < 0.3;
            sb.Clear();
            Resume(sb, random, english, female, first, surname, position, city, profession, skills);
            yield return new SyntheticCandidate(new Guid(random.Next(), (short)random.Next(short.MaxValue), (short)random.Next(short.MaxValue), BitConverter.GetBytes(random.NextInt64())),
                surname, first, patronymic, city, position, skills.Take(3).Select(s => s.ToLowerInvariant()).ToArray(), sb.ToString(), epoch.AddMinutes(random.Next(0, 3_000_000)));
        }
    }

    private Zipf ListDraw(int length, double s = 1.0)
    {
        var key = length * 100 + (int)(s * 10);
        if (!_listDraws.TryGetValue(key, out var draw))
        {
            _listDraws[key] = draw = new Zipf(length, s);
        }
        return draw;
    }

    private T Pick<T>(Random random, IReadOnlyList<T> items, double s = 1.0) => ListDraw(items.Count, s).Next(random, items);

    private string Position(Random random, Profession profession)
    {
        var title = Pick(random, profession.Positions, 0.8);
        if (random.NextDouble() >= 0.3 || title.StartsWith("Senior", StringComparison.Ordinal) || title.StartsWith("Ведущ", StringComparison.Ordinal)
            || title.StartsWith("Главн", StringComparison.Ordinal) || title.Split(' ')[0].EndsWith('я') || title.Split(' ')[0].EndsWith("ая", StringComparison.Ordinal))
        {
            return title;
        }
        return title[0] is >= 'A' and <= 'Z'
            ? $"{SeniorityEn[random.Next(SeniorityEn.Length)]} {title}"
            : $"{SeniorityRu[random.Next(SeniorityRu.Length)]} {char.ToLowerInvariant(title[0])}{title[1..]}";
    }

    private string[] Skills(Random random, Profession profession)
    {
        var wanted = random.Next(4, 11);
        var skills = new List<string>(wanted);
        for (var attempt = 0; skills.Count < wanted && attempt < 40; attempt++)
        {
            var skill = random.NextDouble() < 0.85 ? Pick(random, profession.Skills, 0.8) : _genericSkillDraw.Next(random, GenericSkills);
            if (!skills.Contains(skill))
            {
                skills.Add(skill);
            }
        }
        return [.. skills];
    }

    private void Resume(StringBuilder sb, Random random, bool english, bool female, string first, string surname, string position, string city,
        Profession profession, string[] skills)
    {
        sb.Append(surname).Append(' ').Append(first).Append('\n').Append(position).Append(", ").Append(city).Append('\n');
        sb.Append(english ? "Skills: " : "Навыки: ").AppendJoin(", ", skills).Append('\n');
        sb.Append(english ? "About: " : "О себе: ");
        Filler(sb, random, english, random.Next(10, 25));
        sb.Append(english ? "\nExperience\n" : "\nОпыт работы\n");
        var target = random.Next(1800, 3700);
        var year = 2025 - random.Next(0, 4);
        var budget = random.Next(2, 6);
        while (sb.Length < target && budget-- > 0)
        {
            var from = year - random.Next(1, 6);
            sb.Append(Month(random)).Append('.').Append(from.ToString(CultureInfo.InvariantCulture)).Append(" – ")
                .Append(Month(random)).Append('.').Append(year.ToString(CultureInfo.InvariantCulture)).Append(", ")
                .Append(_companies[_companyDraw.Next(random)]).Append(", ").Append(random.NextDouble() < 0.6 ? position : Pick(random, profession.Positions)).Append('\n');
            year = from - random.Next(0, 2);
            var sentences = random.Next(1, 3);
            for (var k = 0; k < sentences; k++)
            {
                Achievement(sb, random, english, female, profession, skills);
                Filler(sb, random, english, random.Next(8, 20));
            }
            for (var k = random.Next(0, 3); k > 0; k--)
            {
                Filler(sb, random, english, random.Next(8, 20));
            }
            sb.Append('\n');
        }
        if (sb.Length < target)
        {
            sb.Append(english ? "Additional information\n" : "Дополнительная информация\n");
            while (sb.Length < target)
            {
                Filler(sb, random, english, random.Next(8, 20));
            }
            sb.Append('\n');
        }
        sb.Append(english ? "Education\n" : "Образование\n").Append((year - random.Next(0, 3)).ToString(CultureInfo.InvariantCulture)).Append(", ")
            .Append(_universityDraw.Next(random, Universities)).Append(", ").Append(english ? "degree" : RuDegrees[random.Next(RuDegrees.Length)]).Append('\n');
        sb.Append(english ? "Languages: Russian — native, English — " : "Языки: русский — родной, английский — ")
            .Append(random.Next(4) switch { 0 => "A2", 1 => "B1", 2 => "B2", _ => "C1" }).Append('\n');
    }

    private void Achievement(StringBuilder sb, Random random, bool english, bool female, Profession profession, string[] skills)
    {
        // Mostly one's own trade; sometimes a neighbouring one, as careers wander.
        var trade = random.NextDouble() < 0.9 ? profession : Professions[_professionDraw.Next(random)];
        if (english)
        {
            sb.Append(_enVerbDraw.Next(random, EnVerbs)).Append(' ').Append(Pick(random, trade.EnObjects, 0.5));
            if (random.NextDouble() < 0.6)
            {
                sb.Append(' ').Append(Pick(random, EnDomains, 0.7));
            }
            if (random.NextDouble() < 0.5)
            {
                sb.Append(", ").Append(Number(Pick(random, EnOutcomes, 0.7), random));
            }
            if (random.NextDouble() < 0.5)
            {
                sb.Append(" using ").Append(skills[random.Next(skills.Length)]);
            }
        }
        else
        {
            int verb;
            do
            {
                verb = _ruVerbDraw.Next(random);
            }
            while (_ruVerbFeminine[verb] != female && random.NextDouble() < 0.95);
            sb.Append(RuVerbs[verb]).Append(' ').Append(Pick(random, trade.RuObjects, 0.5));
            if (random.NextDouble() < 0.6)
            {
                sb.Append(' ').Append(Pick(random, RuDomains, 0.7));
            }
            if (random.NextDouble() < 0.5)
            {
                sb.Append(", ").Append(Number(Pick(random, RuOutcomes, 0.7), random));
            }
            if (random.NextDouble() < 0.5)
            {
                sb.Append(" с использованием ").Append(skills[random.Next(skills.Length)]);
            }
        }
        sb.Append(". ");
    }

    private void Filler(StringBuilder sb, Random random, bool english, int words)
    {
        for (var w = 0; w < words; w++)
        {
            var word = english ? _enWordDraw.Next(random, EnWords) : _ruWordDraw.Next(random, _ruWords);
            if (w == 0)
            {
                sb.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                sb.Append(' ').Append(word);
            }
        }
        sb.Append(". ");
    }

    private static string Number(string template, Random random) =>
        template.Replace("{n}", random.Next(2, 60).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Month(Random random) => random.Next(1, 13).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The known employers first (most common), then a long tail of plausible Russian and English firm names.</summary>
    private static string[] Companies(Random random)
    {
        var names = new List<string>(KnownCompanies);
        var seen = new HashSet<string>(names, StringComparer.Ordinal);
        while (names.Count < CompanyCount)
        {
            var name = random.NextDouble() < 0.75
                ? $"{CompanyFormsRu[random.Next(CompanyFormsRu.Length)]} «{CompanyStemsRu[random.Next(CompanyStemsRu.Length)]}{CompanyEndingsRu[random.Next(CompanyEndingsRu.Length)]}»"
                : $"{CompanyWordsEn[random.Next(CompanyWordsEn.Length)]}{CompanyWordsEn[random.Next(CompanyWordsEn.Length)].ToLowerInvariant()} {CompanySuffixesEn[random.Next(CompanySuffixesEn.Length)]}";
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }
        return [.. names];
    }

    private static void Shuffle<T>(T[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static string Title(string upper) => upper[..1] + upper[1..].ToLowerInvariant();
}
