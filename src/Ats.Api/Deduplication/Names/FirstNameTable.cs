using System.Collections.Frozen;

namespace Ats.Api.Deduplication.Names;

/// <summary>
/// The built-in table of first names: full (passport) form, gender, the short and diminutive forms people go by,
/// and the foreign equivalents some people use for themselves on LinkedIn.
/// </summary>
/// <remarks>
/// Source: compiled by hand for this project from common Russian naming usage (the names of the people one meets in
/// Russian offices, including the Tatar, Bashkir, Caucasian and Central Asian names frequent there) and the usual
/// short forms of them; it is not derived from names-ru or any other data set, so it may be shipped freely.
/// Latin spellings are not listed: they are matched through <see cref="Transliteration.NameKey"/>.
/// <para>Maintaining it: one line per full name, <c>Full | m/f | short forms | foreign forms</c>, short and foreign
/// forms separated by commas. A short form shared by several names is listed under each (Саша under Александр and
/// Александра) — that is what makes it ambiguous, and the look-ups return all of them. Spelling variants that
/// share a key (Наталья/Наталия, София/Софья) are separate lines so both canonical spellings are known.</para>
/// </remarks>
internal static class FirstNameTable
{
    private const string Table = """
        Александр | m | Саша, Саня, Шура, Шурик, Сашка, Санёк, Алекс, Алик |
        Алексей | m | Лёша, Алёша, Лёха, Алёха, Лёшка, Алекс | Alexis
        Анатолий | m | Толя, Толик |
        Андрей | m | Андрюша, Андрюха, Дрюня | Andrew
        Антон | m | Антоша, Тоша | Anthony
        Аркадий | m | Аркаша |
        Арсений | m | Арсюша, Сеня |
        Артём | m | Тёма, Артёмка |
        Артемий | m | Тёма |
        Артур | m | |
        Богдан | m | Бодя |
        Борис | m | Боря, Борька |
        Вадим | m | Вадик, Вадя |
        Валентин | m | Валя, Валик |
        Валерий | m | Валера, Валерка |
        Василий | m | Вася, Васёк, Василёк, Васька, Васятка |
        Вениамин | m | Веня | Benjamin
        Виктор | m | Витя, Витёк, Витька |
        Виталий | m | Виталик, Витя |
        Владимир | m | Вова, Володя, Вовка, Вовчик, Вован |
        Владислав | m | Влад, Владик, Слава |
        Всеволод | m | Сева |
        Вячеслав | m | Слава, Славик, Славка |
        Гавриил | m | Гаврила, Ганя | Gabriel
        Геннадий | m | Гена, Генка |
        Георгий | m | Гоша, Жора, Гога, Гера | George
        Герман | m | Гера |
        Глеб | m | |
        Григорий | m | Гриша, Гришка | Gregory
        Давид | m | Дава |
        Даниил | m | Даня, Данилка | Daniel
        Данила | m | Даня |
        Демид | m | |
        Демьян | m | Дёма |
        Денис | m | Дениска |
        Дмитрий | m | Дима, Митя, Димка, Димон, Димас |
        Евгений | m | Женя, Женька, Жека | Eugene
        Егор | m | Егорка, Жора |
        Елисей | m | |
        Ефим | m | Фима |
        Захар | m | |
        Иван | m | Ваня, Ванька, Ванюша, Ванёк |
        Игнат | m | |
        Игорь | m | Игорёк, Гоша |
        Илья | m | Илюша, Илюха |
        Иосиф | m | Ося | Joseph
        Кирилл | m | Киря, Кирюша, Кирюха | Cyril
        Климент | m | Клим |
        Константин | m | Костя, Костик |
        Кузьма | m | Кузя |
        Лев | m | Лёва |
        Леонид | m | Лёня, Лёнька |
        Лука | m | | Luke
        Макар | m | |
        Максим | m | Макс, Максик, Максимка |
        Марк | m | |
        Матвей | m | Мотя | Matthew
        Мирон | m | |
        Михаил | m | Миша, Мишка, Мишаня | Michael, Mike
        Назар | m | |
        Никита | m | Никитка |
        Николай | m | Коля, Колька, Коляша, Ник | Nicholas, Nick
        Олег | m | Олежка |
        Павел | m | Паша, Пашка, Павлик | Paul
        Пётр | m | Петя, Петька, Петруша |
        Платон | m | |
        Прохор | m | Проша |
        Родион | m | Родя |
        Роман | m | Рома, Ромка |
        Ростислав | m | Ростик, Слава |
        Руслан | m | |
        Савва | m | Сава |
        Савелий | m | Сава |
        Святослав | m | Слава, Свят |
        Семён | m | Сёма, Сеня | Simon
        Сергей | m | Серёжа, Серёга, Серый, Серж, Серёжка | Serge
        Станислав | m | Стас, Стасик, Слава |
        Степан | m | Стёпа, Стёпка | Stephen, Steven
        Тарас | m | |
        Тимофей | m | Тима, Тимоша | Timothy
        Тимур | m | Тима |
        Тихон | m | Тиша |
        Трофим | m | |
        Фёдор | m | Федя, Федька | Theodore
        Филипп | m | Филя |
        Фома | m | | Thomas
        Эдуард | m | Эдик | Edward
        Эмиль | m | |
        Юлиан | m | |
        Юрий | m | Юра, Юрик, Юрка |
        Яков | m | Яша | Jacob
        Ян | m | |
        Ярослав | m | Слава, Ярик |
        Афанасий | m | Афоня |
        Викентий | m | Кеша |
        Иннокентий | m | Кеша |
        Владлен | m | |
        Гордей | m | |
        Емельян | m | Емеля |
        Ефрем | m | |
        Игнатий | m | |
        Илларион | m | Ларион |
        Исаак | m | |
        Лаврентий | m | Лавр |
        Мстислав | m | Слава |
        Наум | m | |
        Никифор | m | |
        Остап | m | |
        Пантелей | m | |
        Серафим | m | Сима |
        Спартак | m | |
        Эрик | m | |
        Альберт | m | Алик |
        Арнольд | m | |
        Роберт | m | |
        Рудольф | m | Рудик |
        Эльдар | m | |
        Марат | m | |
        Ренат | m | |
        Ринат | m | |
        Рустам | m | |
        Рамиль | m | |
        Ильдар | m | |
        Ильнур | m | |
        Айдар | m | |
        Азат | m | |
        Булат | m | |
        Дамир | m | |
        Камиль | m | |
        Марсель | m | |
        Равиль | m | |
        Радик | m | |
        Рафаэль | m | Рафик |
        Салават | m | |
        Тагир | m | |
        Фарид | m | |
        Шамиль | m | |
        Ильяс | m | |
        Ислам | m | |
        Ибрагим | m | |
        Магомед | m | |
        Мухаммад | m | |
        Мурат | m | |
        Ахмед | m | |
        Али | m | |
        Хасан | m | |
        Заур | m | |
        Нурлан | m | |
        Данияр | m | |
        Тимерлан | m | |
        Арман | m | |
        Ержан | m | |
        Давлат | m | |
        Рашид | m | |
        Алишер | m | |
        Фаррух | m | |
        Бахтиёр | m | |
        Шерзод | m | |
        Гурген | m | |
        Ашот | m | |
        Арсен | m | |
        Гоги | m | |
        Резо | m | |
        Абдулла | m | |

        Александра | f | Саша, Саня, Шура, Сашка, Аля |
        Алевтина | f | Аля, Тина |
        Алина | f | Аля |
        Алиса | f | | Alice
        Алла | f | |
        Алёна | f | Алёнка |
        Альбина | f | Аля |
        Анастасия | f | Настя, Ася, Стася, Настёна |
        Ангелина | f | Геля, Лина |
        Анжела | f | |
        Анжелика | f | Лика |
        Анна | f | Аня, Анечка, Нюра, Нюша, Анюта | Anne, Hannah
        Антонина | f | Тоня |
        Арина | f | Ариша |
        Белла | f | |
        Валентина | f | Валя |
        Валерия | f | Лера | Valerie
        Варвара | f | Варя | Barbara
        Василиса | f | Вася |
        Вера | f | |
        Вероника | f | Ника |
        Виктория | f | Вика, Тори |
        Виолетта | f | Вета |
        Влада | f | |
        Владислава | f | Влада, Слава |
        Галина | f | Галя |
        Дарья | f | Даша |
        Дарина | f | |
        Диана | f | |
        Дина | f | |
        Ева | f | | Eve
        Евгения | f | Женя, Женька | Eugenia
        Евдокия | f | Дуня, Дуся |
        Екатерина | f | Катя, Катюша, Катька, Катерина | Catherine, Katherine, Kate
        Елена | f | Лена, Леночка | Helen, Helena
        Елизавета | f | Лиза, Лизавета | Elizabeth
        Жанна | f | | Jeanne
        Злата | f | |
        Зинаида | f | Зина |
        Зоя | f | |
        Инга | f | |
        Инна | f | |
        Ирина | f | Ира, Иринка | Irene
        Карина | f | |
        Кира | f | |
        Клавдия | f | Клава |
        Кристина | f | |
        Ксения | f | Ксюша |
        Лариса | f | Лара |
        Лидия | f | Лида |
        Лилия | f | Лиля | Lily
        Любовь | f | Люба, Любаша |
        Людмила | f | Люда, Мила, Люся |
        Майя | f | |
        Маргарита | f | Рита, Марго | Margaret
        Марина | f | Мариша |
        Мария | f | Маша, Маруся, Маня | Marie, Mary
        Марьяна | f | |
        Милана | f | Мила |
        Мирослава | f | Мира, Слава |
        Надежда | f | Надя |
        Наталья | f | Наташа, Ната | Natalie
        Наталия | f | Наташа, Ната | Natalie
        Нелли | f | |
        Нина | f | |
        Нонна | f | |
        Оксана | f | Ксюша |
        Олеся | f | Леся |
        Ольга | f | Оля |
        Полина | f | Поля | Pauline
        Прасковья | f | Паша, Параша |
        Раиса | f | Рая |
        Регина | f | |
        Римма | f | |
        Роза | f | | Rose
        Светлана | f | Света |
        Серафима | f | Сима |
        Снежана | f | |
        София | f | Соня | Sophie
        Софья | f | Соня | Sophie
        Станислава | f | Стася, Слава |
        Стефания | f | Стеша |
        Таисия | f | Тая |
        Тамара | f | Тома |
        Татьяна | f | Таня, Танюша |
        Ульяна | f | Уля |
        Фаина | f | Фая |
        Эвелина | f | Эля |
        Элеонора | f | Эля, Нора |
        Элина | f | Эля |
        Эльвира | f | Эля |
        Эльмира | f | |
        Эльза | f | |
        Эмилия | f | | Emily
        Эмма | f | |
        Юлия | f | Юля | Julie
        Юлиана | f | |
        Яна | f | |
        Ярослава | f | Слава, Яся |
        Аделина | f | |
        Агата | f | |
        Алия | f | |
        Амина | f | |
        Асель | f | |
        Айгуль | f | |
        Алсу | f | |
        Василина | f | |
        Виталина | f | |
        Гузель | f | |
        Гульнара | f | Гуля |
        Гульшат | f | Гуля |
        Диляра | f | |
        Динара | f | |
        Доминика | f | |
        Есения | f | |
        Зарина | f | |
        Зульфия | f | |
        Изабелла | f | Белла |
        Илона | f | |
        Камила | f | |
        Камилла | f | |
        Каролина | f | |
        Лейла | f | |
        Лиана | f | |
        Ляйсан | f | |
        Мадина | f | |
        Мелания | f | |
        Милена | f | |
        Рената | f | |
        Сабина | f | |
        Эльнара | f | |
        Гаяне | f | |
        Анаит | f | |
        Нино | f | |
        Тамила | f | |
        """;

    /// <summary>One line of the table.</summary>
    internal sealed record Entry(string FullName, Gender Gender, IReadOnlyList<string> ShortForms, IReadOnlyList<string> ForeignForms);

    internal static IReadOnlyList<Entry> Entries { get; } = Parse();

    /// <summary>Full names by their <see cref="Transliteration.NameKey"/>.</summary>
    internal static FrozenDictionary<string, Entry[]> ByFullKey { get; } = Index(e => [e.FullName]);

    /// <summary>Full names by the key of one of their short forms.</summary>
    internal static FrozenDictionary<string, Entry[]> ByShortKey { get; } = Index(e => e.ShortForms);

    /// <summary>Full names by the key of one of their foreign equivalents.</summary>
    internal static FrozenDictionary<string, Entry[]> ByForeignKey { get; } = Index(e => e.ForeignForms);

    private static List<Entry> Parse()
    {
        var entries = new List<Entry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in Table.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            var full = cells[0];
            var gender = cells[1] == "m" ? Gender.Male : Gender.Female;
            if (!seen.Add(full + "|" + cells[1]))
            {
                continue;
            }
            entries.Add(new Entry(full, gender, List(cells.ElementAtOrDefault(2)), List(cells.ElementAtOrDefault(3))));
        }
        return entries;
    }

    private static string[] List(string? cell) =>
        string.IsNullOrWhiteSpace(cell) ? [] : cell.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();

    private static FrozenDictionary<string, Entry[]> Index(Func<Entry, IEnumerable<string>> forms)
    {
        var index = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            foreach (var form in forms(entry))
            {
                var key = Transliteration.NameKey(form);
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }
                if (!list.Contains(entry))
                {
                    list.Add(entry);
                }
            }
        }
        return index.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
