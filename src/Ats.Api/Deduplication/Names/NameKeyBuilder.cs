using System.Globalization;
using System.Text;

namespace Ats.Api.Deduplication.Names;

/// <summary>
/// The machinery behind <see cref="Transliteration.NameKey"/>; the rules themselves are described there and in
/// README.md beside this file. Works one word at a time, in three stages:
/// <list type="number">
/// <item>a word becomes a lower-case Latin "stream": Cyrillic letters are written in one fixed, plain scheme
/// (ж→zh, х→kh, ц→ts, щ→shch, й/ы→y, ю→yu, я→ya, ё/э→e, ь/ъ→a sign mark), Latin letters with diacritics are
/// reduced to the plain letters the schemes mean by them (š→sh-class, û→yu, ĭ→y …);</item>
/// <item>the stream is read into key symbols, multigraphs first (shch/sch/šč → one щ symbol, zh → ж, kh → х …);
/// Latin spellings that some schemes read differently (ch as ч/х/ш, j as й/ж, x as кс/х …) carry alternatives;</item>
/// <item>vowels and glides are folded (и/ы/й/y/j/i are one class, a glide before е and ё disappears, ё→е),
/// doubled symbols collapse, and two spelling habits at the end of a word are undone (-ander → -andr, -ine → -in).</item>
/// </list>
/// A Cyrillic word passes through the same reader as Latin (its stream is Latin), which is what makes a Cyrillic
/// name and its transliterations meet: whatever the reader does to "ts" it does to both "Tsvetaeva" and «Цветаева».
/// </summary>
internal static class NameKeyBuilder
{
    /// <summary>Soft or hard sign, from Cyrillic ь/ъ or a Latin apostrophe-like mark.</summary>
    private const char SignMark = '\'';

    /// <summary>Alternative readings per word are capped: a pathological word must not explode the key set.</summary>
    private const int MaxVariantsPerWord = 64;

    // Key symbols (plain ASCII so keys index and print well). Vowels: a e i o u, where i is the whole и/ы/й class.
    // Consonants as in Latin, plus: j = ж, h = х, c = ц, q = ч, w = ш, x = щ.
    private const string KeyVowels = "aeiou";

    private static readonly Dictionary<char, string> CyrillicStream = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "'", ['ы'] = "y", ['ь'] = "'", ['э'] = "e",
        ['ю'] = "yu", ['я'] = "ya",
        // Letters of neighbouring Cyrillic alphabets that turn up in names of Russian citizens (Ukrainian, Belarusian,
        // Kazakh, Tatar, Uzbek). Uzbek ў is o' in Uzbek Latin, which is where Latin spellings of it come from.
        ['і'] = "i", ['ї'] = "yi", ['є'] = "ye", ['ґ'] = "g", ['ў'] = "o", ['қ'] = "k", ['ғ'] = "g", ['ҳ'] = "h",
        ['һ'] = "h", ['ә'] = "a", ['ө'] = "o", ['ү'] = "u", ['ұ'] = "u", ['ң'] = "n", ['җ'] = "zh",
    };

    /// <summary>Latin letters whose diacritic carries a Russian sound (ISO 9, GOST 7.79 A, scientific, Turkic Latin).</summary>
    private static readonly Dictionary<char, string> LatinSpecial = new()
    {
        ['š'] = "š", ['č'] = "č", ['ž'] = "ž", ['ŝ'] = "ŝ", ['ĉ'] = "č", ['ć'] = "č", ['ş'] = "š", ['ç'] = "č",
        ['ż'] = "ž", ['ź'] = "z", ['ś'] = "s", ['ł'] = "l", ['ğ'] = "g", ['ı'] = "y", ['ə'] = "a",
        ['û'] = "yu", ['â'] = "ya", ['ü'] = "yu", ['ĭ'] = "y", ['ȳ'] = "y", ['ë'] = "e", ['ö'] = "e", ['ä'] = "e",
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "e", ['ø'] = "e",
    };

    /// <summary>Marks that transliterations use for ь and ъ (and people type as apostrophes): part of a word, never a break.</summary>
    private const string SignMarks = "'’‘ʹʺ”“\"`ʼʻ´ˮ′″";

    /// <summary>BGN/PCGN separates letters that would otherwise read as a digraph (t·s, sh·ch): it carries no sound.</summary>
    private const string Separators = "·•";

    private static readonly char[] EdgeTrim = (SignMarks + Separators).ToCharArray();

    // Latin capitals that look like Cyrillic ones (and the lower-case look-alikes): a Cyrillic word typed with a few
    // Latin letters in it («Ивaнов» with a Latin a) is a very common data-entry defect and must still key as Cyrillic.
    private static readonly Dictionary<char, char> Homoglyphs = new()
    {
        ['A'] = 'А', ['a'] = 'а', ['B'] = 'В', ['C'] = 'С', ['c'] = 'с', ['E'] = 'Е', ['e'] = 'е', ['H'] = 'Н',
        ['K'] = 'К', ['k'] = 'к', ['M'] = 'М', ['O'] = 'О', ['o'] = 'о', ['P'] = 'Р', ['p'] = 'р', ['T'] = 'Т',
        ['X'] = 'Х', ['x'] = 'х', ['y'] = 'у', ['Y'] = 'У',
    };

    /// <summary>Splits text into the words a key is made of: letters and sign marks; anything else separates.</summary>
    internal static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }
        var normalized = text.Normalize(NormalizationForm.FormC);
        var current = new StringBuilder();
        foreach (var ch in normalized)
        {
            if (char.IsLetter(ch) || SignMarks.Contains(ch) || Separators.Contains(ch)
                || CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                current.Append(ch);
                continue;
            }
            Flush(current, words);
        }
        Flush(current, words);
        return words;
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        // Quotes around a name are not signs inside it.
        var word = current.ToString().Trim(EdgeTrim);
        current.Clear();
        if (word.Any(char.IsLetter))
        {
            words.Add(word);
        }
    }

    private static readonly Memo<string> PrimaryKeys = new(ComputePrimaryKey);
    private static readonly Memo<IReadOnlyList<string>> AllVariantKeys = new(ComputeVariantKeys);

    internal static string PrimaryKey(string word) => PrimaryKeys.Get(word);

    private static string ComputePrimaryKey(string word)
    {
        var tokens = Read(word, out _);
        var symbols = new StringBuilder();
        foreach (var token in tokens)
        {
            symbols.Append(token[0]);
        }
        return Fold(symbols);
    }

    /// <summary>Every key the word can have under the alternative readings, the primary key first.</summary>
    internal static IReadOnlyList<string> VariantKeys(string word) => AllVariantKeys.Get(word);

    private static IReadOnlyList<string> ComputeVariantKeys(string word)
    {
        var tokens = Read(word, out _);
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var choice = new int[tokens.Count];
        var combinations = 0;
        while (combinations < MaxVariantsPerWord)
        {
            combinations++;
            var symbols = new StringBuilder();
            for (var i = 0; i < tokens.Count; i++)
            {
                symbols.Append(tokens[i][choice[i]]);
            }
            var key = Fold(symbols);
            if (seen.Add(key))
            {
                keys.Add(key);
            }
            // Next combination, odometer style; the first token varies slowest so the primary reading comes first.
            var position = tokens.Count - 1;
            while (position >= 0)
            {
                choice[position]++;
                if (choice[position] < tokens[position].Length)
                {
                    break;
                }
                choice[position] = 0;
                position--;
            }
            if (position < 0)
            {
                break;
            }
        }
        return keys;
    }

    /// <summary>Turns one word into a list of tokens; each token is its readings (key symbols), the primary first.</summary>
    private static List<string[]> Read(string word, out bool cyrillic)
    {
        var stream = ToStream(word, out cyrillic);
        var tokens = new List<string[]>(stream.Length);
        var i = 0;
        while (i < stream.Length)
        {
            var (readings, length) = ReadToken(stream, i);
            // A Cyrillic word is unambiguous: its stream was written by us, in one scheme.
            tokens.Add(cyrillic ? [readings[0]] : readings);
            i += length;
        }
        return tokens;
    }

    private static string ToStream(string word, out bool cyrillic)
    {
        var text = FixHomoglyphs(word);
        cyrillic = text.Any(IsCyrillic);
        var stream = new StringBuilder(text.Length + 4);
        foreach (var original in text)
        {
            var ch = char.ToLowerInvariant(original);
            if (CyrillicStream.TryGetValue(ch, out var cyr))
            {
                stream.Append(cyr);
            }
            else if (LatinSpecial.TryGetValue(ch, out var special))
            {
                stream.Append(special);
            }
            else if (ch == '`' && stream.Length > 0 && stream[^1] is 'e' or 'y')
            {
                // GOST 7.79-B writes э as e` and ы as y`; no sign can follow a vowel, so this one is part of the letter.
            }
            else if (SignMarks.Contains(ch))
            {
                stream.Append(SignMark);
            }
            else if (Separators.Contains(ch))
            {
                // carries no sound
            }
            else if (ch is >= 'a' and <= 'z')
            {
                stream.Append(ch);
            }
            else if (char.IsLetter(ch))
            {
                // é, à, ñ, ė …: the plain letter under the accent is what the schemes mean (è/é/ė are э).
                var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
                var letter = decomposed.FirstOrDefault(char.IsLetter);
                if (letter != default)
                {
                    stream.Append(LatinSpecial.TryGetValue(letter, out var again) ? again : letter.ToString());
                }
            }
            // combining marks (the ALA-LC tie in i͡a, t͡s) carry no sound of their own
        }
        return stream.ToString();
    }

    private static string FixHomoglyphs(string word)
    {
        if (!word.Any(IsCyrillic))
        {
            return word;
        }
        var latin = word.Where(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')).ToList();
        if (latin.Count == 0 || !latin.All(Homoglyphs.ContainsKey))
        {
            return word;
        }
        return new string(word.Select(c => Homoglyphs.TryGetValue(c, out var cyr) ? cyr : c).ToArray());
    }

    internal static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static bool IsLatinVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsLatinConsonant(char c) => c is >= 'a' and <= 'z' && !IsLatinVowel(c) || c is 'š' or 'č' or 'ž' or 'ŝ';

    private static bool At(string s, int i, string pattern) => string.CompareOrdinal(s, i, pattern, 0, pattern.Length) == 0;

    /// <summary>
    /// Reads one token at <paramref name="i"/>; longest multigraph first. Returns the readings (key symbols, primary
    /// first) and how many stream characters were used.
    /// </summary>
    private static (string[] Readings, int Length) ReadToken(string s, int i)
    {
        var c = s[i];
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        var afterNext = i + 2 < s.Length ? s[i + 2] : '\0';
        if (c == SignMark)
        {
            return ([SignMark.ToString()], 1);
        }
        // щ: English shch, German schtsch, French chtch, Yandex/Mosmetro sch, GOST 7.79-B/GOST 16876 shh,
        // Telegram sc, scientific šč, ISO 9 ŝ. German sch alone is ш, kept as an alternative.
        if (At(s, i, "schtsch"))
        {
            return (["x"], 7);
        }
        if (At(s, i, "shtch") || At(s, i, "chtch"))
        {
            return (["x"], 5);
        }
        if (At(s, i, "shch"))
        {
            return (["x"], 4);
        }
        if (At(s, i, "tsch"))
        {
            return (["q"], 4);
        }
        if (At(s, i, "sch"))
        {
            return (["x", "w"], 3);
        }
        if (At(s, i, "shh"))
        {
            return (["x"], 3);
        }
        if (At(s, i, "tch"))
        {
            return (["q"], 3);
        }
        if (At(s, i, "sh"))
        {
            // сх in the schemes that write х as h (Telegram, ISO 9, GOST 7.79-A): Ishakov for Исхаков.
            return (["w", "sh"], 2);
        }
        if (At(s, i, "scz"))
        {
            // GOST 7.79-B сц: Pobedonosczev.
            return (["sc"], 3);
        }
        if (At(s, i, "sc"))
        {
            // Telegram щ (Ploscad); сц where ц is c (ISO 9, GOST 7.79-A: Pobedonoscev).
            return (["x", "sc"], 2);
        }
        if (At(s, i, "zh"))
        {
            return (["j"], 2);
        }
        if (At(s, i, "kh"))
        {
            return (["h"], 2);
        }
        if (At(s, i, "ch"))
        {
            // English ч; German х (Chabibullin, Michail); French ш (Iochkar); English к before r/l (Christina).
            return afterNext is 'r' or 'l' ? (["q", "k", "h", "w"], 2) : (["q", "h", "w"], 2);
        }
        if (At(s, i, "ts") || At(s, i, "tz") || At(s, i, "tc") || At(s, i, "cz"))
        {
            return (["c"], 2);
        }
        if (At(s, i, "ck"))
        {
            // цк where ц is c (Vysockij, Troickaja: -цкий is a common ending); English ck (Nick) as the alternative.
            return (["ck", "k"], 2);
        }
        if (At(s, i, "ph"))
        {
            // пх where х is h (Aphanov for Апханов).
            return (["f", "ph"], 2);
        }
        if (At(s, i, "th"))
        {
            // тх where х is h (Ahmethanov for Ахметханов).
            return (["t", "th"], 2);
        }
        if (c == 'g' && next == 'u' && afterNext is 'e' or 'i' or 'y' or 'j')
        {
            // French gu before e/i keeps г hard: Serguei, Sneguireva.
            return (["g"], 2);
        }
        if (At(s, i, "ou"))
        {
            // French у: Iouri, Boulok.
            return (["u"], 2);
        }
        if (i == 0 && At(s, i, "eh") && IsLatinConsonant(afterNext))
        {
            // GOST 16876-71 (telegraph variant) writes э as eh: Ehduard.
            return (["e"], 2);
        }
        if (c == 'š' && next == 'č')
        {
            return (["x"], 2);
        }
        switch (c)
        {
            case 'x':
            {
                // x is кс to most people (Alexander, Maxim, Oxana) but х in GOST 7.79-B, GOST 7034 and scientific
                // spelling. Word-final -ix/-yx is the -их/-ых surname ending (Černyx), so it reads as х there.
                var finalAfterI = i == s.Length - 1 && i > 0 && s[i - 1] is 'i' or 'y';
                return finalAfterI ? (["h", "ks"], 1) : (["ks", "h"], 1);
            }
            case 'c':
                // ц in GOST/ISO/Telegram (Francuzskih, Ulica, Shvec); к to English habits (Constantin, Nicolai).
                if (next is 'a' or 'o' or 'u' || next == '\0')
                {
                    return (["c", "k"], 1);
                }
                if (IsLatinVowel(next))
                {
                    return (["c"], 1);
                }
                // Before a consonant: к in English ct (Victor), ц otherwise (Cvetkov, Kacnelson).
                return next == 't' ? (["k", "c"], 1) : (["c", "k"], 1);
            case 'q':
                return (["k"], 1);
            case 'w':
                return (["v"], 1);
            case 'j':
                // й (Julia, Sergej, GOST 16876 jj); ж in French and Telegram spelling (Jenia) as the alternative.
                return (["i", "j"], 1);
            case 'y' or 'i':
                return (["i"], 1);
            case 'š':
                return (["w"], 1);
            case 'č':
                return (["q"], 1);
            case 'ž':
                return (["j"], 1);
            case 'ŝ':
                return (["x"], 1);
            case 'u' when i > 0 && s[i - 1] == 'l':
                // Ludmila, Luba: лю written without its glide by French and German habit.
                return (["u", "iu"], 1);
            default:
                return ([c.ToString()], 1);
        }
    }

    /// <summary>Folds vowels, glides and doubled letters of a symbol string into the final key of one word.</summary>
    private static string Fold(StringBuilder symbols)
    {
        var s = new List<char>(symbols.Length);
        // A sign mark before a vowel is a glide (Il'ya, Mar'ya, ъё); elsewhere it has no sound of its own.
        for (var i = 0; i < symbols.Length; i++)
        {
            var c = symbols[i];
            if (c == SignMark)
            {
                if (s.Count > 0 && i + 1 < symbols.Length && KeyVowels.Contains(symbols[i + 1]))
                {
                    s.Add('i');
                }
                continue;
            }
            s.Add(c);
        }
        var folded = new List<char>(s.Count);
        for (var i = 0; i < s.Count; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Count ? s[i + 1] : '\0';
            if (c == 'i' && next == 'i')
            {
                // ии, ий, ый, ьи, yy, iy, ij, jj: one и-class symbol.
                continue;
            }
            if (c == 'i' && next == 'e' && i + 3 < s.Count && s[i + 2] == 'i' && KeyVowels.Contains(s[i + 3]))
            {
                // ICAO writes ъ as ie even before я/ю: Подъячев → Podieiachev. The "ie" then is only the sign.
                i++;
                continue;
            }
            if (c == 'i' && next == 'e' && i + 2 < s.Count && s[i + 2] == 'e')
            {
                // ICAO writes ъ as ie: Разъездной → Razieezdnoi, съешь → sieesh. One е is the sign.
                i++;
                continue;
            }
            if (c == 'i' && next == 'e')
            {
                // A glide before е is spelled or not depending on the scheme (Yelena/Elena, Vasilyeva/Vasileva,
                // Krayevoy/Kraevoi, ICAO ъ = ie): it is dropped. Cost: и before е after a consonant goes with it.
                continue;
            }
            if (c == 'i' && next == 'o')
            {
                // Yo/io/jo is ё, and ё is е (Yolkin/Elkin, Artyom/Artem, Fyodor/Fedor).
                folded.Add('e');
                i++;
                continue;
            }
            if (c == 't' && next == 'c')
            {
                // тц sounds and is often written as ц (Bitsevsky for Битцевский).
                continue;
            }
            folded.Add(c);
        }
        var key = new StringBuilder(folded.Count);
        foreach (var c in folded)
        {
            if (key.Length > 0 && key[^1] == c && c != 'e')
            {
                // Double letters: Anna/Ana, Kirill/Kiril, Filippov/Filipov. Not ее: Корнеев and Корнев are two names.
                continue;
            }
            key.Append(c);
        }
        var length = key.Length;
        if (length > 4 && key[length - 1] == 'r' && key[length - 2] == 'e' && key[length - 3] is 'd' or 't')
        {
            // Alexander/Aleksandr, Peter/Petr: the vowel English spelling adds before a final r.
            key.Remove(length - 2, 1);
        }
        else if (length > 4 && key[length - 1] == 'e' && key[length - 2] == 'n' && key[length - 3] == 'i')
        {
            // French -ine for -ин (Vasine).
            key.Remove(length - 1, 1);
        }
        return key.ToString();
    }
}
