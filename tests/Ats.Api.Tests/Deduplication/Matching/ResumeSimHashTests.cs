using Ats.Api.Deduplication.Matching;

namespace Ats.Api.Tests.Deduplication.Matching;

public class ResumeSimHashTests
{
    private const string Resume = """
        Ведущий разработчик Java. Опыт работы 8 лет. ООО «Ромашка», Казань, 2019–2024: проектирование микросервисов
        на Spring Boot, миграция монолита на Kubernetes, наставничество для четырёх младших разработчиков, код-ревью,
        внедрение CI/CD на GitLab. АО «Вектор», 2015–2019: разработка биллинга, PostgreSQL, оптимизация запросов,
        интеграция с банками по SWIFT. Образование: КФУ, прикладная математика, 2015. Английский B2.
        """;

    [Fact]
    public void One_resume_resaved_with_a_line_more_stays_similar()
    {
        var original = ResumeSimHash.Compute(Resume)!.Value;
        var edited = ResumeSimHash.Compute(Resume.Replace("Английский B2.", "Английский B2. Водительские права B.", StringComparison.Ordinal))!.Value;

        Assert.True(ResumeSimHash.Distance(original, edited) <= 12, $"distance {ResumeSimHash.Distance(original, edited)}");
        Assert.Equal(original, ResumeSimHash.Compute(Resume.ToUpperInvariant().Replace('Ё', 'Е')));
    }

    [Fact]
    public void Unrelated_resumes_are_far_apart()
    {
        const string other = """
            Главный бухгалтер. Стаж 15 лет. ИП Сидоров, Тула, 2010–2024: ведение учёта на УСН и ОСНО, 1С:Бухгалтерия 8.3,
            сдача отчётности в ФНС и СФР, расчёт заработной платы, кадровый учёт, сопровождение налоговых проверок.
            Образование: ТулГУ, экономика и бухгалтерский учёт, 2008. Повышение квалификации по МСФО.
            """;

        var distance = ResumeSimHash.Distance(ResumeSimHash.Compute(Resume)!.Value, ResumeSimHash.Compute(other)!.Value);

        Assert.True(distance > ResumeSimHash.SimilarWithin * 3, $"distance {distance}");
    }

    [Fact]
    public void Short_text_gives_no_fingerprint()
    {
        Assert.Null(ResumeSimHash.Compute("Иванов Иван, Java, Казань"));
        Assert.Null(ResumeSimHash.Compute(null));
    }
}
