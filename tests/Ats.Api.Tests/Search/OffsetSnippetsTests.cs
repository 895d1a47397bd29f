using System.Text.RegularExpressions;
using Ats.Api.Search;
using Ats.Api.Search.Analysis;
using Ats.Api.Search.QueryLanguage;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Ats.Api.Tests.Search;

/// <summary>
/// Snippets cut by the offsets in the postings, with the product's analyzers and query parser: word forms, ё,
/// phrases marked only where the phrase is, words under NOT never marked, prefixes, typos, «C#» through the char
/// filter, HTML escaped, and the re-analysis used when PostgreSQL's text is no longer the indexed one.
/// </summary>
public sealed partial class OffsetSnippetsTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = SearchAnalyzers.Create();

    private static readonly RecruiterQueryParser Parser = new(SearchQueryParser.Options(Analyzer, new SkillSynonyms(new SkillSynonymsOptions())));

    [GeneratedRegex("<em>(.*?)</em>")]
    private static partial Regex Marks();

    private static List<string> Marked(IEnumerable<string> snippets) =>
        snippets.SelectMany(s => Marks().Matches(s).Select(m => m.Groups[1].Value)).ToList();

    /// <summary>Indexes <paramref name="indexed"/> (and a decoy) as the product does, runs the query, cuts the hit's snippets from <paramref name="current"/>.</summary>
    private static IReadOnlyList<string> Snippets(string indexed, string query, string? current = null, IEnumerable<string>? others = null, bool offsets = true)
    {
        using var directory = new RAMDirectory();
        var target = Guid.NewGuid();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)))
        {
            foreach (var text in new[] { indexed, "Совсем другой человек: бухгалтер, 1С, МСФО." }.Concat(others ?? []))
            {
                var id = (text == indexed ? target : Guid.NewGuid()).ToString();
                writer.AddDocument(new Document
                {
                    new StringField(SearchFields.Id, id, Field.Store.YES),
                    new SortedDocValuesField(SearchFields.Id, new BytesRef(id)),
                    new Field(SearchFields.ResumeText, text, SearchFields.ResumeTextType),
                    new NumericDocValuesField(SearchFields.TextFingerprint, ResumeTexts.Fingerprint(text)),
                });
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new CandidateSearcher(Analyzer, new SearchFilterCache());
        var main = Parser.Parse(query);
        var request = new SearchRequest(query, null, [], null, null, null, null, null, SearchSort.Relevance, 1000, null);
        var hit = Assert.Single(searcher.Search(new IndexSearcher(reader), main, request, null).Hits, h => h.Id == target);
        Assert.Contains(SearchFields.ResumeText, hit.MatchedFields);
        Assert.NotNull(hit.Marks);
        Assert.Equal(offsets, hit.Marks.Occurrences is not null);
        return searcher.Snippets(hit, main, current ?? indexed);
    }

    [Fact]
    public void Russian_word_forms_and_yo_are_marked_in_the_original_spelling()
    {
        const string text = "Опыт работы: разрабатывал платёжные сервисы на Kafka и PostgreSQL.";
        var snippets = Snippets(text, "платежных сервисов");
        Assert.Equal(["платёжные", "сервисы"], Marked(snippets));
        Assert.Equal(text, Assert.Single(snippets).Replace("<em>", "").Replace("</em>", ""));
    }

    [Fact]
    public void Phrase_words_are_marked_where_the_phrase_is_and_nowhere_else()
    {
        const string text = "Вёл миграцию в облако и настраивал алертинг. Облако тегов, миграция птиц и в целом ничего больше.";
        var marked = Marked(Snippets(text, "алертинг \"миграцию в облако\""));
        Assert.Equal(["миграцию", "в", "облако", "алертинг"], marked);
    }

    [Fact]
    public void Words_under_not_are_never_marked()
    {
        const string text = "Java и Kafka, немного Scala.";
        var marked = Marked(Snippets(text, "java -(php kafka)"));
        Assert.Equal(["Java"], marked);
    }

    [Fact]
    public void Prefix_and_typo_words_mark_the_words_they_stand_for()
    {
        const string text = "Поддерживал кластеры Kubernetes и писал операторы, Kubernetes в проде три года.";
        Assert.Equal(["Kubernetes", "Kubernetes"], Marked(Snippets(text, "kuber*")));
        Assert.Equal(["Kubernetes", "Kubernetes"], Marked(Snippets(text, "kubernets~")));
    }

    [Fact]
    public void Symbols_rewritten_before_tokenizing_are_marked_as_written()
    {
        const string text = "Писал на C# и .NET, потом на С++ (кириллицей).";
        Assert.Equal(["C#"], Marked(Snippets(text, "csharp")));
        Assert.Equal(["С++"], Marked(Snippets(text, "c++")));
    }

    [Fact]
    public void Markup_in_the_text_is_escaped()
    {
        const string text = "Верстал <script>alert(1)</script> формы на React & Redux.";
        var snippet = Assert.Single(Snippets(text, "react"));
        Assert.Equal("Верстал &lt;script&gt;alert(1)&lt;/script&gt; формы на <em>React</em> &amp; Redux.", snippet);
    }

    [Fact]
    public void A_long_text_gives_at_most_three_fragments_around_the_words_best_first()
    {
        var filler = string.Join(' ', Enumerable.Repeat("обычные слова без совпадений", 40));
        var text = $"{filler} знаю kafka. {filler} kafka и clickhouse вместе. {filler} снова kafka. {filler} ещё раз kafka. {filler}";
        var snippets = Snippets(text, "kafka clickhouse");
        Assert.Equal(3, snippets.Count);
        Assert.All(snippets, s => Assert.InRange(s.Replace("<em>", "").Replace("</em>", "").Length, 20, OffsetSnippets.FragmentChars));
        // Best first: the window with both words.
        Assert.Equal(["kafka", "clickhouse"], Marked([snippets[0]]));
        Assert.All(snippets, s => Assert.Contains(s.Replace("<em>", "").Replace("</em>", ""), text));
    }

    [Fact]
    public void A_text_changed_since_indexing_is_analysed_again_instead_of_cut_at_stale_offsets()
    {
        const string text = "Разрабатывал платёжные сервисы на Kafka.";
        var changed = "Новое резюме, другая длина. Сначала Python, потом " + text;
        var snippets = Snippets(text, "kafka сервисы", changed);
        Assert.Equal(["сервисы", "Kafka"], Marked(snippets));
    }

    [Fact]
    public void A_prefix_standing_for_many_words_marks_the_hits_own_word()
    {
        // 200 other words share the prefix and sort before the hit's own: a top-N expansion would miss it.
        var others = Enumerable.Range(100, 200).Select(i => $"Работал с kuber{i}.");
        Assert.Equal(["kuberzzz"], Marked(Snippets("Знает kuberzzz и не только.", "kuber*", others: others)));
    }

    [Fact]
    public void A_prefix_standing_for_too_many_words_is_marked_by_analysing_the_text()
    {
        var others = Enumerable.Range(0, OffsetSnippets.MaxExpansions + 10).Select(i => $"Работал с kuber{i:D5}.");
        Assert.Equal(["kuberzzz"], Marked(Snippets("Знает kuberzzz и не только.", "kuber*", others: others, offsets: false)));
    }

    [Fact]
    public void A_text_of_one_query_word_repeated_thousands_of_times_gives_three_short_fragments()
    {
        var text = string.Join(' ', Enumerable.Repeat("kafka", 20_000));
        var snippets = Snippets(text, "kafka");
        Assert.Equal(3, snippets.Count);
        Assert.All(snippets, s => Assert.InRange(s.Replace("<em>", "").Replace("</em>", "").Length, 100, OffsetSnippets.FragmentChars));
        Assert.All(snippets, s => Assert.DoesNotContain("</em><em>", s));
    }
}
