using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace Ats.Api.Resumes.TextExtraction;

/// <summary>
/// Guesses the character encoding of text that carries no reliable label. Russian résumés arrive in UTF-8, UTF-16,
/// Windows-1251, KOI8-R and CP866; generic detectors (UTF.Unknown included) are unreliable on short Russian texts
/// because KOI8-R and Windows-1251 put upper and lower case in each other's byte ranges, so a name and a phone in one
/// look as plausible as in the other. Hence an own scoring model for single-byte Cyrillic, with UTF.Unknown only
/// breaking near ties and answering for non-Cyrillic text.
/// </summary>
/// <remarks>
/// Order of evidence, strongest first:
/// <list type="number">
/// <item>A byte order mark (UTF-32 before UTF-16, whose BOM is a prefix of UTF-32LE's).</item>
/// <item>NUL bytes gathered in one byte column: UTF-16 without BOM. Single-byte and UTF-8 text has no NULs, while
/// UTF-16 puts 0x00 in the high byte of every ASCII space, digit and punctuation mark, and a handful of values
/// (0x04 for Cyrillic) in the rest of that column.</item>
/// <item>Valid UTF-8 (a multi-byte sequence cut by the end of a full <see cref="SampleSize"/> sample allowed): UTF-8.
/// Legacy Cyrillic text is practically never valid UTF-8, since a 1251 lowercase letter (0xE0–0xFF) would have to
/// be followed by two continuation bytes (0x80–0xBF), which are capitals and punctuation. The exception is a word or
/// two of CP866, which can be; see <see cref="Detect(ReadOnlySpan{byte}, out double)"/>. Pure ASCII is UTF-8.</item>
/// <item>Single-byte Cyrillic: the sample is decoded with Windows-1251, KOI8-R, CP866, ISO-8859-5 and
/// x-mac-cyrillic and each reading is scored (see <see cref="ScoreCyrillic"/>); the cheapest reading made of
/// Cyrillic words wins. Near ties go to UTF.Unknown's choice if it is one of the tied.</item>
/// <item>Anything else goes to UTF.Unknown (Central European, Greek, Turkish, CJK…), and to Windows-1252 when it
/// has no confident, plausible answer.</item>
/// </list>
/// </remarks>
public static class TextEncodingDetector
{
    /// <summary>Bytes of a file worth looking at; more only costs time.</summary>
    public const int SampleSize = 64 * 1024;

    // Scoring is in nats (natural-log units), so letter costs and penalties add up as a log-likelihood.
    private const int Boundary = 32;
    private const int Symbols = 33;
    private const double UnknownLetterCost = 8;      // a Latin letter with diacritics, a Greek letter…
    private const double ForeignCyrillicCost = 6;    // Ђ, Љ, Ћ… – Cyrillic, but not in Russian or Ukrainian text
    private const double UkrainianExtraCost = 1.5;   // і, ї, є, ґ, ў: scored as и, и, е, г, у plus this
    private const double MixedScriptCost = 8;        // per non-ASCII letter in a word that also has ASCII letters
    private const double CaseFlipCost = 5;           // "йЧБОПЧ": a case change inside a word
    private const double AllCapsLetterCost = 0.25;   // capitals are plausible in headings, lowercase more so
    private const double TypographicCost = 3;        // « » — № and friends: expected in Russian text
    private const double OtherSymbolCost = 7;
    private const double BoxDrawingCost = 10;
    private const double ControlCost = 15;
    // Correct Russian averages 3.0–3.5 nats per letter under the bigram table, Ukrainian/Bulgarian/Serbian 3.2–4.5;
    // Greek or Western text forced through a Cyrillic code page scores 5 and worse.
    private const double MaxPlausibleLetterCost = 4.7;
    // A name or two is too little to average over: "Авакян Эдуард" or "БАУЭР МАЙЯ" score around 5, so short text
    // gets a looser bound, and a word or two none at all.
    private const int MinLettersForAverage = 8;
    private const int MinLettersForStrictAverage = 40;
    private const double MaxPlausibleShortLetterCost = 5.5;
    // Readings closer than this (about 7:1 in likelihood) are a tie that UTF.Unknown may break.
    private const double TieMargin = 2;
    private const float ConfidentAnswer = 0.8f;
    // Up to this many bytes, valid UTF-8 may be an accident (see Detect).
    private const int ShortSample = 256;

    private static readonly Encoding Windows1252;
    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: true);
    private static readonly Candidate[] CyrillicCandidates;
    private static readonly double[] BigramCost = BuildBigramCosts();

    static TextEncodingDetector()
    {
        // The legacy code pages are not in .NET by default; registering twice is harmless, but once is enough.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
        // Priors (in nats) break ties between identical-looking readings in favour of the common code pages;
        // lowercase-only text reads the same in Windows-1251 and x-mac-cyrillic except for "я".
        CyrillicCandidates =
        [
            new(Encoding.GetEncoding(1251), 0),
            new(Encoding.GetEncoding(20866), 1),   // KOI8-R
            new(Encoding.GetEncoding(866), 1.5),   // CP866 (DOS)
            // Rare in practice, so they need clearly better readings: a capital Й or Ю in 1251 reads in
            // x-mac-cyrillic as "…" or ё, which would otherwise win short names.
            new(Encoding.GetEncoding(28595), 8),   // ISO-8859-5
            new(Encoding.GetEncoding(10007), 8),   // x-mac-cyrillic
        ];
    }

    /// <summary>The most likely encoding of <paramref name="sample"/> (the start of a file; see <see cref="SampleSize"/>).</summary>
    public static Encoding Detect(ReadOnlySpan<byte> sample) => Detect(sample, out _);

    /// <summary>As <see cref="Detect(ReadOnlySpan{byte})"/>, with a confidence from 0 to 1.</summary>
    /// <remarks>The confidence is 1 for a BOM or valid UTF-8; for Cyrillic code pages it is the likelihood of the
    /// winner against the runner-up, so it is near 1 for anything longer than a few words.</remarks>
    public static Encoding Detect(ReadOnlySpan<byte> sample, out double confidence)
    {
        if (sample.Length > SampleSize)
        {
            sample = sample[..SampleSize];
        }
        confidence = 1;
        if (FromBom(sample) is { } bom)
        {
            return bom;
        }
        if (sample.Contains((byte)0) && LooksLikeUtf16(sample, out var utf16))
        {
            confidence = 0.9;
            return utf16;
        }
        if (IsValidUtf8(sample))
        {
            // CP866 puts а–п in UTF-8's continuation bytes and р–я in its three-byte lead bytes, so a word or two
            // ("самыми") can be valid UTF-8 by accident, decoding to CJK. Real UTF-8 Russian has Cyrillic letters.
            if (sample.Length <= ShortSample && !Utf8HasCommonLetters(sample)
                && DetectCyrillic(sample, out var cyrillic, out var cyrillicConfidence))
            {
                confidence = cyrillicConfidence;
                return cyrillic;
            }
            return Encoding.UTF8;
        }
        if (DetectCyrillic(sample, out var encoding, out confidence))
        {
            return encoding;
        }
        return DetectNonCyrillic(sample, out confidence);
    }

    /// <summary>The encoding announced by a byte order mark at the start of <paramref name="bytes"/>, or null.
    /// The mark's length is the returned encoding's <see cref="Encoding.Preamble"/> length.</summary>
    public static Encoding? FromBom(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => Encoding.UTF32,
        [0x00, 0x00, 0xFE, 0xFF, ..] => Utf32BigEndian,
        [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8,
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

    /// <summary>The encoding a charset label names (as in <c>&lt;meta charset&gt;</c> or a Content-Type header), or null
    /// when it names none we can decode. Labels follow the WHATWG Encoding Standard where .NET differs from browsers.</summary>
    public static Encoding? FromLabel(string? label)
    {
        var name = label?.Trim().Trim('"', '\'').Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        switch (name)
        {
            case "utf-8" or "utf8" or "unicode-1-1-utf-8" or "unicode11utf8" or "unicode20utf8" or "x-unicode20utf8":
                return Encoding.UTF8;
            // Browsers decode Latin-1 and ASCII labels as Windows-1252: files labelled so routinely contain 1252's
            // curly quotes and dashes in 0x80–0x9F, which ISO-8859-1 would turn into control characters.
            case "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "cp819"
                or "ibm819" or "cp1252" or "x-cp1252" or "windows-1252":
                return Windows1252;
            case "cp1251" or "x-cp1251" or "windows-1251" or "win-1251" or "win1251":
                return CyrillicCandidates[0].Encoding;
            case "koi8-r" or "koi8_r" or "koi8" or "koi" or "cskoi8r":
                return CyrillicCandidates[1].Encoding;
            case "ibm866" or "cp866" or "866" or "csibm866":
                return CyrillicCandidates[2].Encoding;
            case "x-mac-cyrillic" or "x-mac-ukrainian" or "mac-cyrillic" or "maccyrillic":
                return CyrillicCandidates[4].Encoding;
        }
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static bool DetectCyrillic(ReadOnlySpan<byte> sample, out Encoding encoding, out double confidence)
    {
        var scores = new Reading[CyrillicCandidates.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var candidate = CyrillicCandidates[i];
            scores[i] = new Reading(candidate, ScoreCyrillic(candidate.Encoding.GetString(sample)));
        }
        Array.Sort(scores, (a, b) => a.Total.CompareTo(b.Total));
        // The cheapest reading may be mostly punctuation ("Ева" in CP866 is "…ў" in 1251); the best reading that
        // is made of Cyrillic words is the one to take.
        var bestIndex = Array.FindIndex(scores, s => s.Score.ReadsAsCyrillic);
        encoding = Windows1252;
        confidence = 0;
        if (bestIndex < 0)
        {
            return false;
        }
        var best = scores[bestIndex];
        DetectionDetail? second = null;
        if (!best.Score.ReadsAsRussian)
        {
            // Only the loose bound for short text let it through; short Greek passes that too, and UTF.Unknown
            // knows Greek. Its confident non-Cyrillic answer wins here.
            second = AskUtfUnknown(sample);
            if (second is { Encoding: { } other, Confidence: >= ConfidentAnswer } && !IsCyrillic(other)
                && Plausible(other, sample) is not null)
            {
                return false;
            }
        }

        // Readings that are not Cyrillic words do not compete; when no other reading is, the confidence is at
        // least 0.9 however cheap the non-words were.
        var runnerUp = Array.FindIndex(scores, bestIndex + 1, s => s.Score.ReadsAsCyrillic);
        var margin = runnerUp >= 0
            ? scores[runnerUp].Total - best.Total
            : Math.Max(2.2, scores[bestIndex == 0 ? 1 : 0].Total - best.Total);
        confidence = 1 / (1 + Math.Exp(-margin));
        encoding = best.Candidate.Encoding;
        if (margin < TieMargin && (second ?? AskUtfUnknown(sample)) is { Encoding: { } suggested } detail)
        {
            foreach (var (candidate, score) in scores)
            {
                if (score.ReadsAsCyrillic && candidate.Encoding.CodePage == suggested.CodePage
                    && candidate.Prior + score.Cost - best.Total < TieMargin)
                {
                    confidence = Math.Max(confidence, detail.Confidence);
                    encoding = candidate.Encoding;
                    break;
                }
            }
        }
        return true;
    }

    private static bool IsCyrillic(Encoding encoding) => encoding.CodePage is 1251 or 20866 or 21866 or 866 or 28595 or 10007;

    /// <summary>Whether valid UTF-8 decodes to any Latin, Cyrillic or Greek letter or common punctuation.</summary>
    private static bool Utf8HasCommonLetters(ReadOnlySpan<byte> sample)
    {
        var text = Encoding.UTF8.GetString(sample);
        foreach (var c in text)
        {
            if (c >= 0x80 && (c < 0x0530 || c is >= '\u2000' and <= '\u22FF'))
            {
                return true;
            }
        }
        return false;
    }

    private static Encoding DetectNonCyrillic(ReadOnlySpan<byte> sample, out double confidence)
    {
        if (AskUtfUnknown(sample) is { Encoding: { } encoding } detail && detail.Confidence >= 0.5
            && Plausible(encoding, sample) is { } plausible)
        {
            confidence = detail.Confidence;
            return plausible;
        }
        // The usual legacy encoding of text from Windows in Western Europe and the Americas.
        confidence = 0.3;
        return Windows1252;
    }

    /// <summary>
    /// UTF.Unknown's answer if it is an encoding a candidate plausibly writes in, else null (meaning Windows-1252).
    /// Its Latin-alphabet guesses are shaky: "Curriculum vitæ — François" comes back as ISO-8859-3 (Maltese), which
    /// turns æ into ĉ. Between the Latin-1 family and such rarities, 1252 is the better bet.
    /// </summary>
    private static Encoding? Plausible(Encoding encoding, ReadOnlySpan<byte> sample)
    {
        // ISO-8859 has C1 controls in 0x80–0x9F, which real text never holds; the Windows sibling has quotes
        // and dashes there. Bytes in that range therefore mean the Windows code page.
        var windows = sample.IndexOfAnyInRange((byte)0x80, (byte)0x9F) >= 0;
        return encoding.CodePage switch
        {
            28592 => windows ? Encoding.GetEncoding(1250) : encoding, // Central European
            28597 => windows ? Encoding.GetEncoding(1253) : encoding, // Greek
            28599 => windows ? Encoding.GetEncoding(1254) : encoding, // Turkish
            28603 => windows ? Encoding.GetEncoding(1257) : encoding, // Baltic
            28598 or 38598 => windows ? Encoding.GetEncoding(1255) : encoding, // Hebrew
            28596 => windows ? Encoding.GetEncoding(1256) : encoding, // Arabic
            1250 or 1253 or 1254 or 1255 or 1256 or 1257 or 1258 or 874 => encoding,
            // Cyrillic after all: text too mixed with Latin for the model above, but UTF.Unknown is confident.
            _ when IsCyrillic(encoding) => encoding,
            _ when !encoding.IsSingleByte && encoding is not (UTF8Encoding or UnicodeEncoding or UTF32Encoding) => encoding, // CJK
            _ => null,
        };
    }

    private static DetectionDetail? AskUtfUnknown(ReadOnlySpan<byte> sample)
    {
        var bytes = sample.ToArray();
        return CharsetDetector.DetectFromBytes(bytes).Detected;
    }

    /// <summary>
    /// How well <paramref name="text"/> (the sample decoded with one candidate) reads as Russian, as a cost in nats:
    /// lower is better. Only non-ASCII characters are scored, since ASCII reads the same in every candidate.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Words made only of non-ASCII letters are scored letter by letter with a bigram model of Russian
    /// (cost = −ln P(letter | previous letter), word boundaries included, ё counted as е), so the right reading
    /// scores 3–3.5 nats a letter and a shuffled alphabet 5–7. This alone separates the code pages even on a name.</item>
    /// <item>Case inside a word: lowercase, Capitalised and ALL CAPS are normal; any other change of case costs
    /// <see cref="CaseFlipCost"/>. KOI8-R read as 1251 (and back) turns "Иванов" into "йЧБОПЧ", so this catches the
    /// classic confusion even where the letters happen to score well. All-caps words cost a little per letter,
    /// because lowercase text read in the other code page comes out all caps.</item>
    /// <item>A non-ASCII letter glued to ASCII letters ("Cafй") is what Western text looks like in a Cyrillic
    /// code page; it costs <see cref="MixedScriptCost"/> and is no evidence of Cyrillic.</item>
    /// <item>Non-letters cost by how likely they are in real text: typographic quotes, dashes and № little; box
    /// drawing (CP866 bytes read as anything else, and vice versa) and control characters a lot.</item>
    /// </list>
    /// The reading counts as Cyrillic when at least half of the non-ASCII characters are Cyrillic letters in
    /// all-Cyrillic words, averaging at most <see cref="MaxPlausibleLetterCost"/> nats a letter.
    /// </remarks>
    private static CyrillicScore ScoreCyrillic(string text)
    {
        var score = new CyrillicScore();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                var start = i;
                var hasAscii = false;
                var hasNonAscii = false;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    if (text[i] < 0x80)
                    {
                        hasAscii = true;
                    }
                    else
                    {
                        hasNonAscii = true;
                    }
                    i++;
                }
                if (hasNonAscii)
                {
                    ScoreWord(text.AsSpan(start, i - start), hasAscii, ref score);
                }
                continue;
            }
            if (c >= 0x80)
            {
                score.NonAscii++;
                score.Cost += SymbolCost(c);
            }
            i++;
        }
        return score;
    }

    private static void ScoreWord(ReadOnlySpan<char> word, bool hasAscii, ref CyrillicScore score)
    {
        var nonAscii = 0;
        foreach (var c in word)
        {
            if (c >= 0x80)
            {
                nonAscii++;
            }
        }
        score.NonAscii += nonAscii;
        if (hasAscii)
        {
            score.Cost += MixedScriptCost * nonAscii;
            return;
        }

        var cost = 0.0;
        var letters = 0;
        var previous = Boundary;
        foreach (var c in word)
        {
            var index = LetterIndex(c, out var extra);
            if (index >= 0)
            {
                cost += BigramCost[previous * Symbols + index] + extra;
                previous = index;
                letters++;
                continue;
            }
            if (previous != Boundary)
            {
                cost += BigramCost[previous * Symbols + Boundary];
                previous = Boundary;
            }
            cost += c is >= '\u0400' and <= '\u04FF' ? ForeignCyrillicCost : UnknownLetterCost;
        }
        if (previous != Boundary)
        {
            cost += BigramCost[previous * Symbols + Boundary];
        }
        cost += CaseCost(word);
        if (letters > 0)
        {
            score.Letters += letters;
            score.LetterCost += cost;
        }
        score.Cost += cost;
    }

    private static double CaseCost(ReadOnlySpan<char> word)
    {
        if (word.Length < 2)
        {
            return 0;
        }
        var cost = 0.0;
        var allUpper = char.IsUpper(word[0]);
        for (var i = 1; i < word.Length; i++)
        {
            var upper = char.IsUpper(word[i]);
            allUpper &= upper;
            // "Иван": the only normal change of case is from a capital first letter to lowercase.
            if (upper != char.IsUpper(word[i - 1]) && !(i == 1 && !upper))
            {
                cost += CaseFlipCost;
            }
        }
        return allUpper ? cost + AllCapsLetterCost * word.Length : cost;
    }

    /// <summary>0–31 for а–я (either case, ё as е), −1 for anything else.</summary>
    private static int LetterIndex(char c, out double extraCost)
    {
        extraCost = 0;
        switch (c)
        {
            case >= 'а' and <= 'я':
                return c - 'а';
            case >= 'А' and <= 'Я':
                return c - 'А';
            case 'ё' or 'Ё':
                return 'е' - 'а';
        }
        extraCost = UkrainianExtraCost;
        return c switch
        {
            'і' or 'І' or 'ї' or 'Ї' => 'и' - 'а',
            'є' or 'Є' => 'е' - 'а',
            'ґ' or 'Ґ' => 'г' - 'а',
            'ў' or 'Ў' => 'у' - 'а',
            _ => -1,
        };
    }

    private static double SymbolCost(char c)
    {
        switch (c)
        {
            case '«' or '»' or '„' or '“' or '”' or '‘' or '’' or '‚' or '—' or '–' or '…' or '№' or '•' or '·'
                or '\u00A0' or '°' or '©' or '®' or '™' or '€' or '₽':
                return TypographicCost;
            case >= '\u2500' and <= '\u259F':
                return BoxDrawingCost;
            case '\uFFFD':
                return ControlCost;
        }
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse
                or UnicodeCategory.Surrogate => ControlCost,
            _ => OtherSymbolCost,
        };
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> sample)
    {
        if (Utf8.IsValid(sample))
        {
            return true;
        }
        // A sample cut at SampleSize may end in the middle of a character; accept that if everything before it is
        // valid. Shorter samples are whole files, and an unfinished sequence at their end is evidence against UTF-8.
        for (var cut = 1; cut <= 3 && sample.Length >= SampleSize; cut++)
        {
            if (Rune.DecodeFromUtf8(sample[^cut..], out _, out _) == OperationStatus.NeedMoreData)
            {
                return Utf8.IsValid(sample[..^cut]);
            }
        }
        return false;
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> sample, out Encoding encoding)
    {
        encoding = Encoding.Unicode;
        var pairs = sample.Length / 2;
        if (pairs < 2)
        {
            return false;
        }
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }
        // NULs must sit almost only in the high-byte column: odd offsets for little-endian, even for big-endian.
        bool bigEndian;
        if (oddZeros > 0 && evenZeros * 20 <= oddZeros)
        {
            bigEndian = false;
        }
        else if (evenZeros > 0 && oddZeros * 20 <= evenZeros)
        {
            bigEndian = true;
        }
        else
        {
            return false;
        }

        // Text keeps to one or two Unicode blocks, so three high-byte values cover nearly every character.
        Span<int> counts = stackalloc int[256];
        for (var i = bigEndian ? 0 : 1; i < pairs * 2; i += 2)
        {
            counts[sample[i]]++;
        }
        int first = 0, second = 0, third = 0;
        foreach (var count in counts)
        {
            if (count > first)
            {
                (first, second, third) = (count, first, second);
            }
            else if (count > second)
            {
                (second, third) = (count, second);
            }
            else if (count > third)
            {
                third = count;
            }
        }
        if ((first + second + third) * 10 < pairs * 9)
        {
            return false;
        }

        // Binary data with small 16-bit numbers has the same NUL pattern but decodes to control characters.
        encoding = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
        var text = encoding.GetString(sample[..(pairs * 2)]);
        var odd = 0;
        foreach (var c in text)
        {
            // Unpaired surrogates come out of the decoder as U+FFFD.
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\uFFFD')
            {
                odd++;
            }
        }
        return odd * 50 <= text.Length;
    }

    private static double[] BuildBigramCosts()
    {
        // −ln P(column letter | row letter) in half-nats, 'a' = 0 … 'z' = 12.5 nats. Rows and columns are а…я then the
        // word boundary (row: first letter of a word, column: end of word). Counted over the 49,785 word forms of
        // Snowball's Russian stemmer vocabulary (BSD licence) with add-½ smoothing, ё folded into е.
        string[] rows =
        [
            "sigighiglihegfpigffmmimjjkwwwrhge", // а
            "fpkrldnrftjekhetejngtlpnmkjgktnjk", // б
            "dqnolevjftkhphelihkivnnmgqqflvsig", // в
            "eqmrlhtqgtjeogctelngrttlptttrtrti", // г
            "emhmlemneuiilfejgimfumklksohjsoij", // д
            "ojhigiihlhifgekiffflqklihkwwuwlle", // е
            "dlskfdksdsilkfksomsgssqnssssksssk", // ж
            "chfifhjlgtjhhfgrhnnhttomotlhltoik", // з
            "mkfjigkhjhhfggljhfepoiihikwwwtjhe", // и
            "ttqtiptnttilkgotoghtptlmhpttttttb", // й
            "dukurhsoeuogqidufkifuqnunuuuuuuug", // к
            "donmnemnevilojenvglhstvlpsviftigf", // л
            "empmueuseukjmhflkjnfpsnloquhmsqjd", // м
            "eppmkepnetjrrfdtnjjgnqkkrowehwlhh", // н
            "sgfgghhikghffhlhfffmljmhjlwwwpjkf", // о
            "fsuuufuugulgujcncnlgusnmnsuiksujm", // п
            "dljkjejlevjlkhdlokigomnkknvhkvkhj", // р
            "hlimlhnthvfgihgglidipkmjmsnjftoek", // с
            "fpgolespfvijnhflfgmhsonlppphetnie", // т
            "mhhhgigjolhggipghffsnioggiuuuqgle", // у
            "dppppeppdpngkkepfhifkppllppiinpli", // ф
            "fshssjspgspgjgdshjlisssqksossossc", // х
            "dqgqqdqqeqiqmqgqqoofqqoqoqqfoqqqf", // ц
            "dtottdttdtflnfjtmthfttttmttqittqi", // ч
            "esmssdssdsggmgjmssjgsqqsssssesosl", // ш
            "dqqqqcqqcqqqqhnqmqqfqqqqqqqqmqqql", // щ
            "mmmmmcmmmmmmmmmmmmmmmmmmmmmmmmmbm", // ъ
            "tjeiifmkpeiheitiighntfoihmtttttpe", // ы
            "qkmnngrkjuhujfnqufkurpklknuuuuhhb", // ь
            "kkjhimmjmjdghgmfhgdmhjmmimmmmmmmi", // э
            "sgnmiplmqplljjsqjgesplnijfsssqksb", // ю
            "slijhijiokjghgumkgfuuinjmiuuuujjb", // я
            "jgfhgljghugihffdgehgkjljjnxvxlnlx", // word start
        ];
        var costs = new double[Symbols * Symbols];
        for (var row = 0; row < Symbols; row++)
        {
            for (var column = 0; column < Symbols; column++)
            {
                costs[row * Symbols + column] = (rows[row][column] - 'a') * 0.5;
            }
        }
        return costs;
    }

    private readonly record struct Candidate(Encoding Encoding, double Prior);

    private readonly record struct Reading(Candidate Candidate, CyrillicScore Score)
    {
        public double Total => Score.Cost + Candidate.Prior;
    }

    private struct CyrillicScore
    {
        public readonly double AverageLetterCost => LetterCost / Letters;

        /// <summary>Passes the strict bound of real Russian text, not just the loose one for short text.</summary>
        public readonly bool ReadsAsRussian =>
            ReadsAsCyrillic && (Letters < MinLettersForAverage || AverageLetterCost <= MaxPlausibleLetterCost);

        public double Cost;
        public int NonAscii;
        public int Letters;
        public double LetterCost;

        public readonly bool ReadsAsCyrillic =>
            Letters > 0
            && Letters * 2 >= NonAscii
            && (Letters < MinLettersForAverage
                || AverageLetterCost <= (Letters < MinLettersForStrictAverage ? MaxPlausibleShortLetterCost : MaxPlausibleLetterCost));
    }
}
