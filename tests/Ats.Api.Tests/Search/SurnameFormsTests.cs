using Ats.Api.Search.Analysis;

namespace Ats.Api.Tests.Search;

public class SurnameFormsTests
{
    [Theory]
    [InlineData("петров", "петрова", "петрову", "петровым", "петрове", "петровой", "петровою", "петровы", "петровых", "петровыми")]
    [InlineData("лебедев", "лебедева", "лебедеву", "лебедевым", "лебедеве", "лебедевой", "лебедевы", "лебедевых", "лебедевыми", "лебедевой")]
    [InlineData("ковалев", "ковалева", "ковалеву", "ковалевым", "ковалеве", "ковалевой", "ковалевы", "ковалевых", "ковалевыми", "ковалевой")]
    [InlineData("пушкин", "пушкина", "пушкину", "пушкиным", "пушкине", "пушкиной", "пушкины", "пушкиных", "пушкиными", "пушкиной")]
    [InlineData("ильин", "ильина", "ильину", "ильиным", "ильине", "ильиной", "ильины", "ильиных", "ильиными", "ильиной")]
    [InlineData("солженицын", "солженицына", "солженицыну", "солженицыным", "солженицыне", "солженицыной", "солженицыны", "солженицыных", "солженицыными", "солженицыной")]
    [InlineData("достоевский", "достоевского", "достоевскому", "достоевским", "достоевском", "достоевская", "достоевской", "достоевскую", "достоевские", "достоевских")]
    [InlineData("трубецкий", "трубецкой", "трубецкого", "трубецкому", "трубецким", "трубецком", "трубецкая", "трубецкую", "трубецкие", "трубецкими")]
    [InlineData("луговский", "луговской", "луговского", "луговскому", "луговским", "луговском", "луговская", "луговскую", "луговские", "луговских")]
    public void Every_case_and_gender_form_folds_to_the_masculine_nominative(string key, params string[] forms)
    {
        Assert.Equal(key, SurnameForms.Normalize(key));
        Assert.All(forms, form => Assert.Equal(key, SurnameForms.Normalize(form)));
    }

    [Theory]
    [InlineData("толстой")]
    [InlineData("толстого")]
    [InlineData("черных")]
    [InlineData("долгих")]
    [InlineData("шевченко")]
    [InlineData("гоголь")]
    [InlineData("цой")]
    [InlineData("ким")]
    [InlineData("ли")]
    [InlineData("иван")]
    [InlineData("петр")]
    [InlineData("дурново")]
    [InlineData("бонч-бруевич")]
    [InlineData("ов")]
    [InlineData("ина")]
    [InlineData("")]
    public void Surnames_of_other_types_are_left_alone(string surname)
    {
        Assert.Equal(surname, SurnameForms.Normalize(surname));
    }

    [Theory]
    [InlineData("иванов", "иван")]
    [InlineData("петров", "петр")]
    [InlineData("петрова", "петр")]
    [InlineData("петров", "петровский")]
    [InlineData("ильин", "илья")]
    [InlineData("пушкин", "пушкарев")]
    public void Different_names_keep_different_keys(string one, string other)
    {
        Assert.NotEqual(SurnameForms.Normalize(one), SurnameForms.Normalize(other));
    }

    private static readonly Lazy<(string Surname, string Gender)[]> Surnames = new(() =>
        File.ReadLines(TestData.Get("names-ru", "surnames.gender.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(cells => (YoFoldingFilter.Fold(cells[0].Trim().ToLowerInvariant()), cells[1].Trim()))
            .ToArray());

    [Fact]
    public void Feminine_surnames_from_the_names_list_meet_their_masculine_form()
    {
        var feminine = Surnames.Value.Where(s => s.Gender != "мр").Select(s => s.Surname).ToHashSet();
        var pairs = Surnames.Value
            .Where(s => s.Gender != "жр")
            .Select(s => s.Surname)
            .Select(m => (Masculine: m, Feminine: m.EndsWith("ский") || m.EndsWith("цкий") || m.EndsWith("ской") || m.EndsWith("цкой")
                ? m[..^2] + "ая"
                : m.EndsWith("ов") || m.EndsWith("ев") || m.EndsWith("ин") || m.EndsWith("ын") ? m + "а" : null))
            .Where(p => p.Feminine is not null && feminine.Contains(p.Feminine))
            .ToList();

        Assert.True(pairs.Count > 6000, $"Only {pairs.Count} pairs found in the names list.");
        Assert.All(pairs, p => Assert.Equal(SurnameForms.Normalize(p.Masculine), SurnameForms.Normalize(p.Feminine!)));
    }

    [Fact]
    public void Distinct_masculine_surnames_stay_apart_except_adjectival_ones_in_ovoi()
    {
        // «Яровой» (an adjectival surname) looks exactly like the feminine oblique «Яровой» of «Яров»: the rules
        // cannot tell them apart and choose to fold, because «Петровой» is far more common than «-овой» surnames.
        var collisions = Surnames.Value
            .Where(s => s.Gender != "жр")
            .Select(s => s.Surname)
            .Distinct()
            .GroupBy(SurnameForms.Normalize)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g)
            .ToList();

        Assert.All(collisions, s => Assert.True(s.EndsWith("ов") || s.EndsWith("ев") || s.EndsWith("овой") || s.EndsWith("евой"), s));
        Assert.True(collisions.Count <= 10, string.Join(", ", collisions));
    }
}
