using Ats.Api.Deduplication.Names;

namespace Ats.Api.Tests.Deduplication.Names;

public class NameKeyTests
{
    private static void AllOneKey(params string[] spellings)
    {
        var expected = Transliteration.NameKey(spellings[0]);
        Assert.NotEqual("", expected);
        foreach (var spelling in spellings)
        {
            Assert.True(expected == Transliteration.NameKey(spelling),
                $"«{spellings[0]}» → {expected}, but «{spelling}» → {Transliteration.NameKey(spelling)}");
        }
    }

    [Fact]
    public void Shch_in_every_scheme_is_one_sound()
    {
        AllOneKey("Щеглова", "Shcheglova", "Scheglova", "Ščeglova", "Shtcheglova", "Chtcheglova", "Shheglova", "Ŝeglova", "SHCHEGLOVA");
    }

    [Fact]
    public void Sergey_in_every_spelling_is_one_name()
    {
        AllOneKey("Сергей", "Sergey", "Sergei", "Sergej", "Serguei", "Sergeï");
    }

    [Fact]
    public void Yulia_in_every_spelling_is_one_name()
    {
        AllOneKey("Юлия", "Yulia", "Julia", "Iuliia", "Yuliya", "Juliya", "Iouliia", "Ûliâ", "Yuliia");
    }

    [Fact]
    public void Aleksandr_with_x_and_with_an_english_e_is_one_name()
    {
        AllOneKey("Александр", "Aleksandr", "Alexander", "Aleksander", "Alexandr");
    }

    [Fact]
    public void Yo_is_e_however_it_is_written()
    {
        AllOneKey("Ёлкин", "Елкин", "Yolkin", "Elkin", "Jolkin", "Iolkin", "Yelkin", "Ëlkin");
        AllOneKey("Артём", "Артем", "Artyom", "Artem", "Artjom", "Artiom", "Artyem");
        AllOneKey("Фёдоров", "Федоров", "Fyodorov", "Fedorov", "Fjodorov");
    }

    [Fact]
    public void Kh_and_h_are_one_sound()
    {
        AllOneKey("Хабибуллин", "Khabibullin", "Habibullin", "Habibulin");
    }

    [Fact]
    public void German_ch_for_kh_matches_only_through_the_variant_readings()
    {
        // One key cannot read Ch both as ч (Chapaev) and as х (Chabibullin) without merging ч and х.
        Assert.NotEqual(Transliteration.NameKey("Хабибуллин"), Transliteration.NameKey("Chabibullin"));
        Assert.Contains(Transliteration.NameKey("Хабибуллин"), Transliteration.NameKeyVariants("Chabibullin"));
        Assert.True(Transliteration.SameName("Chabibullin", "Хабибуллин"));
        Assert.True(Transliteration.SameName("Michail", "Михаил"));
        // The primary key keeps the English reading, so Chapaev is Чапаев there and not Хапаев.
        Assert.Equal(Transliteration.NameKey("Чапаев"), Transliteration.NameKey("Chapaev"));
        Assert.NotEqual(Transliteration.NameKey("Хапаев"), Transliteration.NameKey("Chapaev"));
    }

    [Fact]
    public void Other_scheme_specific_readings_match_through_the_variants()
    {
        Assert.True(Transliteration.SameName("Jenia", "Женя"));          // French and Telegram j = ж
        Assert.True(Transliteration.SameName("Mixail", "Михаил"));       // GOST 7.79-B x = х
        Assert.True(Transliteration.SameName("Constantin", "Константин")); // English c = к
        Assert.True(Transliteration.SameName("Ludmila", "Людмила"));     // лю without its glide
        Assert.True(Transliteration.SameName("Felix", "Феликс"));        // word-final x after i is read as х first
        Assert.True(Transliteration.SameName("Iochkar", "Йошкар"));      // French ch = ш
    }

    [Fact]
    public void Soft_and_hard_signs_are_dropped()
    {
        AllOneKey("Васильева", "Vasileva", "Vasilyeva", "Vasilieva", "Vasil'eva", "Vasilʹeva");
        AllOneKey("Ильин", "Ilin", "Ilyin", "Il'in");
        AllOneKey("Игорь", "Igor", "Igor'");
        AllOneKey("Подъячев", "Podyachev", "Podiachev", "Podieiachev");
    }

    [Fact]
    public void Double_letters_are_collapsed()
    {
        AllOneKey("Кирилл", "Kirill", "Kiril", "Кирил");
        AllOneKey("Филиппов", "Filippov", "Filipov");
        AllOneKey("Анна", "Anna", "Ana");
    }

    [Fact]
    public void Y_endings_are_one_form()
    {
        AllOneKey("Дмитрий", "Dmitry", "Dmitriy", "Dmitrii", "Dmitrij", "Dmitri");
        AllOneKey("Видный", "Vidnyy", "Vidnyi", "Vidny", "Vidnyj");
        AllOneKey("Чайковский", "Chaikovsky", "Chaikovskiy", "Tchaikovsky", "Chaikovskii", "Čajkovskij", "Tschaikowski");
    }

    [Fact]
    public void Ts_tz_c_and_cz_are_one_sound()
    {
        AllOneKey("Цветаева", "Tsvetaeva", "Cvetaeva", "Tzvetaeva", "Czvetaeva", "Tcvetaeva", "Tsvetayeva");
    }

    [Fact]
    public void English_ct_and_ck_read_as_k()
    {
        AllOneKey("Виктор", "Viktor", "Victor");
        Assert.True(Transliteration.SameName("Nick", "Ник"));
        AllOneKey("Высоцкий", "Vysotsky", "Vysockij", "Vysotskiy");
    }

    [Fact]
    public void German_w_and_ow_endings_read_as_v()
    {
        AllOneKey("Иванов", "Iwanow", "Ivanov", "IVANOV");
    }

    [Fact]
    public void Ya_yu_ye_in_all_their_glides_are_one()
    {
        AllOneKey("Наталья", "Наталия", "Natalya", "Natalia", "Nataliya", "Natalja");
        AllOneKey("Юрий", "Yuri", "Yury", "Yuriy", "Iurii", "Jurij", "Iouri");
        AllOneKey("Евгений", "Evgeny", "Evgeniy", "Yevgeniy", "Evgenij", "Jevgenij");
        AllOneKey("Ксения", "Kseniya", "Ksenia", "Xenia");
    }

    [Fact]
    public void E_and_reverse_e_collide_deliberately()
    {
        AllOneKey("Эдуард", "Едуард", "Eduard", "Ehduard", "Èduard");
    }

    [Fact]
    public void Latin_look_alike_letters_inside_a_cyrillic_word_are_read_as_cyrillic()
    {
        // "Ивaнов" with a Latin a, "Петрoв" with a Latin o: a common data-entry defect.
        Assert.Equal(Transliteration.NameKey("Иванов"), Transliteration.NameKey("Ив\u0061нов"));
        Assert.Equal(Transliteration.NameKey("Петров"), Transliteration.NameKey("Петр\u006Fв"));
    }

    [Theory]
    [InlineData("Иван", "Ян")]
    [InlineData("Петров", "Пётр")]
    [InlineData("Иванов", "Иванова")]
    [InlineData("Александр", "Александра")]
    [InlineData("Евгений", "Евгения")]
    [InlineData("Мария", "Марина")]
    [InlineData("Юлия", "Юлиан")]
    [InlineData("Даниил", "Данила")]
    [InlineData("Сергей", "Сергеев")]
    [InlineData("Чернов", "Хернов")]
    [InlineData("Щукин", "Шукин")]
    [InlineData("Жуков", "Зуков")]
    [InlineData("Ivan", "Yan")]
    [InlineData("Ivanov", "Ivanova")]
    [InlineData("Чапаев", "Хапаев")]
    [InlineData("Шевченко", "Шевчук")]
    [InlineData("Корнеев", "Корнев")]
    [InlineData("Korneyev", "Kornev")]
    public void Clearly_different_names_keep_different_keys(string a, string b)
    {
        Assert.NotEqual(Transliteration.NameKey(a), Transliteration.NameKey(b));
        Assert.False(Transliteration.SameName(a, b));
    }

    [Fact]
    public void Hyphenated_surname_keys_its_parts_and_ignores_the_hyphen()
    {
        var key = Transliteration.NameKey("Римский-Корсаков");
        Assert.Equal(2, key.Split(' ').Length);
        Assert.Equal(key, Transliteration.NameKey("Rimsky-Korsakov"));
        Assert.Equal(key, Transliteration.NameKey("Rimskiy Korsakov"));
        Assert.True(Transliteration.SameName("Rimskii-Korsakov", "Римский-Корсаков"));
        Assert.False(Transliteration.SameName("Римский-Корсаков", "Корсаков"));
    }

    [Fact]
    public void Full_name_keys_word_by_word_in_order()
    {
        Assert.Equal(Transliteration.NameKey("Иванов Иван Иванович"), Transliteration.NameKey("IVANOV  Ivan, Ivanovich"));
        Assert.NotEqual(Transliteration.NameKey("Иванов Иван"), Transliteration.NameKey("Иван Иванов"));
    }

    [Fact]
    public void Father_and_son_with_one_name_have_one_key()
    {
        // Telling them apart is the scorer's job (birth date, contacts), not the key's.
        Assert.Equal(Transliteration.NameKey("Иванов Иван Иванович"), Transliteration.NameKey("Иванов Иван Иванович"));
        Assert.Equal(NameParser.Parse("Иванов Иван Иванович"), NameParser.Parse("Иванов Иван Иванович"));
    }

    [Fact]
    public void Namesakes_share_every_key_so_only_other_evidence_can_split_them()
    {
        Assert.Equal(Transliteration.NameKey("Иванова Мария Сергеевна"), Transliteration.NameKey("Ivanova Mariya Sergeevna"));
        Assert.Equal(Transliteration.NameKey("Смирнов Алексей"), Transliteration.NameKey("Smirnov Aleksey"));
    }

    [Fact]
    public void Key_is_plain_ascii()
    {
        var key = Transliteration.NameKey("Щёкина-Жуковская Юлия Хасановна");
        Assert.All(key, c => Assert.True(c is (>= 'a' and <= 'z') or ' ', $"'{c}' in {key}"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("123 - ,")]
    public void Text_without_letters_has_an_empty_key_and_is_no_name(string? text)
    {
        Assert.Equal("", Transliteration.NameKey(text));
        Assert.Empty(Transliteration.NameKeyVariants(text));
        Assert.False(Transliteration.SameName(text, text));
    }

    [Fact]
    public void A_cyrillic_name_has_exactly_one_key()
    {
        Assert.Equal(new[] { Transliteration.NameKey("Чайковский") }, Transliteration.NameKeyVariants("Чайковский"));
    }

    [Fact]
    public void The_primary_key_comes_first_among_the_variants()
    {
        var variants = Transliteration.NameKeyVariants("Michail");
        Assert.Equal(Transliteration.NameKey("Michail"), variants[0]);
        Assert.Equal(variants.Count, variants.Distinct().Count());
    }
}
