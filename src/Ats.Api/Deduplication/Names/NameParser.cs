using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ats.Api.Deduplication.Names;

/// <summary>
/// Splits a written name into surname, first name and patronymic, in any order and in partial forms:
/// «Иванов Иван Иванович», «Иван Иванович Иванов», «Иван Иванов», «Иван Иванович», "Ivanov Ivan",
/// "IVANOV, Ivan", «Иванов И.И.», «И.И. Иванов», «Римский-Корсаков Николай Андреевич», «Алиев Рашид Гусейн оглы».
/// </summary>
/// <remarks>
/// Each word gets a score for each part it could be — a patronymic by its ending (-ович/-евич/-овна/-евна/-ична,
/// оглы/кызы), a first name by the built-in table (<see cref="FirstNameTable"/>, short forms included), a surname
/// by its ending (-ов/-ев/-ин/-ский/-цкий and feminine forms, -ко/-ук/-их/-ян/-дзе…) or by being unknown (surnames
/// are an open class, first names nearly a closed one) — and the assignment with the best total wins, with a small
/// preference for the orders people use (surname first as in documents, or last as in speech) and a strong one
/// against a patronymic before the first name, which Russian never does. A comma puts the surname before it.
/// What cannot be told from the words alone stays ambiguous: «Роман Абрамович» reads as first name + patronymic.
/// </remarks>
public static partial class NameParser
{
    private enum Role
    {
        Surname,
        FirstName,
        Patronymic,
    }

    private sealed record Token(string Text, int Position, bool BeforeComma, bool Turkic);

    private sealed record Initial(char Letter, int Position);

    // Old short patronymics (Ильич, Кузьмич, Лукич, Фомич, Никитич, Саввич): -ич alone is otherwise a surname (Бабич).
    private static readonly HashSet<string> ShortPatronymics = new[] { "Ильич", "Кузьмич", "Лукич", "Фомич", "Никитич", "Саввич" }
        .Select(Transliteration.NameKey).ToHashSet(StringComparer.Ordinal);

    // Turkic patronymic words after the father's name: оглы/ogly/oğlu (son), кызы/kyzy/qizi (daughter), Kazakh ұлы.
    private static readonly HashSet<string> TurkicPatronymicWords = new(StringComparer.Ordinal) { "ogli", "oglu", "uli", "kizi", "gizi" };

    // Generation markers («Иванов Иван Иванович младший», "Ivanov Jr."): not part of any name.
    private static readonly HashSet<string> Ignored = new[] { "младший", "старший", "мл", "ст", "jr", "sr", "junior", "senior" }
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] SurnameEndings =
    [
        "ov", "ev", "in", "of", "ova", "eva", "ina", "ski", "cki", "skaia", "ckaia", "oi", "ko", "uk", "ih", "iq", "ian",
        "ianc", "dze", "wvili", "ani", "uri",
    ];

    public static PersonName Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PersonName.Empty;
        }
        var (words, initials) = Tokenize(text);
        if (words.Count == 0 && initials.Count == 0)
        {
            return PersonName.Empty;
        }
        var assignment = words.Count <= 3 ? BestAssignment(words) : AssignMany(words);
        var parts = new Dictionary<Role, (string Text, int Position)>();
        foreach (var (role, tokens) in assignment)
        {
            parts[role] = (string.Join(' ', tokens.Select(t => Capitalize(t.Text))), tokens.Min(t => t.Position));
        }
        var initialsByRole = AssignInitials(parts.Keys.ToHashSet(), initials);
        return new PersonName(
            parts.TryGetValue(Role.Surname, out var s) ? s.Text : null,
            parts.TryGetValue(Role.FirstName, out var f) ? f.Text : null,
            parts.TryGetValue(Role.Patronymic, out var p) ? p.Text : null)
        {
            SurnameInitial = initialsByRole.TryGetValue(Role.Surname, out var si) ? si.Letter : null,
            FirstInitial = initialsByRole.TryGetValue(Role.FirstName, out var fi) ? fi.Letter : null,
            PatronymicInitial = initialsByRole.TryGetValue(Role.Patronymic, out var pi) ? pi.Letter : null,
            Order = OrderOf(parts, initialsByRole),
        };
    }

    private static (List<Token> Words, List<Initial> Initials) Tokenize(string text)
    {
        var cleaned = Brackets().Replace(text.Normalize(NormalizationForm.FormC), " ");
        var comma = cleaned.IndexOf(',');
        var words = new List<Token>();
        var initials = new List<Initial>();
        var position = 0;
        foreach (var chunk in Chunks().Matches(cleaned).Cast<Match>())
        {
            var beforeComma = comma >= 0 && chunk.Index < comma;
            // «И.И.», «И.Иванов», "I.", "Иванов." — dots end initials and abbreviations.
            var pieces = chunk.Value.Split('.', StringSplitOptions.RemoveEmptyEntries);
            foreach (var raw in pieces)
            {
                var piece = new string(raw.Where(c => char.IsLetter(c) || c is '-' or '\'' or '’').ToArray()).Trim('-', '\'', '’');
                if (piece.Length == 0 || Ignored.Contains(piece))
                {
                    continue;
                }
                if (piece.Length == 1)
                {
                    initials.Add(new Initial(char.ToUpperInvariant(piece[0]), position++));
                    continue;
                }
                var key = Transliteration.NameKey(piece);
                var lastPart = key.Split(' ')[^1];
                if (TurkicPatronymicWords.Contains(key) && words.Count > 0)
                {
                    // «Гусейн оглы»: the father's name and оглы are one patronymic.
                    var father = words[^1];
                    words[^1] = father with { Text = father.Text + " " + piece.ToLowerInvariant(), Turkic = true };
                    continue;
                }
                words.Add(new Token(piece, position++, beforeComma, TurkicPatronymicWords.Contains(lastPart)));
            }
        }
        return (words, initials);
    }

    private static List<(Role Role, List<Token> Tokens)> BestAssignment(List<Token> words)
    {
        var best = new List<(Role, List<Token>)>();
        var bestScore = double.NegativeInfinity;
        var features = words.Select(Features.Of).ToList();
        foreach (var (pattern, prior) in Patterns(words.Count))
        {
            var score = prior;
            for (var i = 0; i < words.Count; i++)
            {
                score += features[i].Score(pattern[i]);
            }
            if (score > bestScore)
            {
                bestScore = score;
                best = words.Select((w, i) => (pattern[i], new List<Token> { w })).ToList();
            }
        }
        return best;
    }

    /// <summary>Role patterns for n words with their prior, most customary first (so it wins ties).</summary>
    private static IEnumerable<(Role[] Pattern, double Prior)> Patterns(int count)
    {
        const Role S = Role.Surname, F = Role.FirstName, P = Role.Patronymic;
        return count switch
        {
            1 => [([S], 0), ([F], 0), ([P], 0)],
            2 => [([S, F], 1), ([F, S], 1), ([F, P], 1), ([S, P], -1), ([P, F], -8), ([P, S], -8)],
            3 => [([S, F, P], 3), ([F, P, S], 2), ([F, S, P], 0), ([S, P, F], -3), ([P, F, S], -8), ([P, S, F], -8)],
            _ => [],
        };
    }

    /// <summary>More than three words: the best patronymic and first name, and the rest is the surname.</summary>
    private static List<(Role Role, List<Token> Tokens)> AssignMany(List<Token> words)
    {
        var rest = new List<Token>(words);
        var result = new List<(Role, List<Token>)>();
        var features = words.ToDictionary(w => w, Features.Of);
        foreach (var role in new[] { Role.Patronymic, Role.FirstName })
        {
            var candidate = rest.Select(w => (Word: w, Score: features[w].Score(role))).Where(c => c.Score > 0)
                .OrderByDescending(c => c.Score).ThenBy(c => c.Word.Position).FirstOrDefault();
            if (candidate.Word is not null)
            {
                result.Add((role, [candidate.Word]));
                rest.Remove(candidate.Word);
            }
        }
        if (rest.Count > 0)
        {
            result.Add((Role.Surname, rest));
        }
        return result;
    }

    /// <summary>What a word looks like, worked out once per word: each role's score derives from it.</summary>
    private sealed record Features(Token Token, double Patronymic, double FirstName, bool SurnameLike, bool MalePatronymicEnding)
    {
        public static Features Of(Token token)
        {
            var key = Transliteration.NameKey(token.Text);
            var last = key.Split(' ')[^1];
            return new Features(
                token,
                PatronymicScore(token, last),
                FirstNameScore(token.Text),
                SurnameEndings.Any(e => last.EndsWith(e, StringComparison.Ordinal) && last.Length > e.Length + 1),
                IsMalePatronymic(last));
        }

        public double Score(Role role)
        {
            var hyphenated = Token.Text.Contains('-') && !Token.Turkic;
            switch (role)
            {
                case Role.Patronymic:
                    return Patronymic;
                case Role.FirstName:
                    if (FirstName > 0)
                    {
                        return FirstName - (Patronymic > 0 ? 5 : 0);
                    }
                    return (SurnameLike ? -3 : 0) - (Patronymic > 0 ? 5 : 0) - (hyphenated ? 2 : 0);
                default:
                    var score = Token.BeforeComma ? 6.0 : 0.0;
                    if (Patronymic > 0)
                    {
                        // -ович/-евич are also Belarusian and Serbian surnames (Шостакович); -овна never is.
                        return score + (MalePatronymicEnding && !Token.Turkic ? 1 : -6);
                    }
                    // Surnames are an open class and first names nearly a closed one: an unknown word leans surname.
                    score += SurnameLike ? 4 : hyphenated ? 3 : 1;
                    return score - (FirstName > 0 ? 2 : 0);
            }
        }
    }

    private static double PatronymicScore(Token token, string key)
    {
        if (token.Turkic)
        {
            return 8;
        }
        if (ShortPatronymics.Contains(key))
        {
            return 6;
        }
        var stemLength = EndingLength(key);
        if (stemLength == 0 || key.Length - stemLength < 2)
        {
            return -6;
        }
        var stem = key[..^stemLength];
        var knownFather = new[] { stem, stem + "i", stem + "ei", stem + "a" }.Any(FirstNameTable.ByFullKey.ContainsKey);
        return knownFather ? 8 : 6;
    }

    /// <summary>Length of a patronymic suffix at the end of a key (-ович, -евич, -овна, -евна, -ична), or 0.</summary>
    private static int EndingLength(string key)
    {
        foreach (var ending in new[] { "oviq", "eviq", "ovna", "evna", "iniqna", "iqna" })
        {
            if (key.EndsWith(ending, StringComparison.Ordinal))
            {
                return ending.Length;
            }
        }
        return 0;
    }

    private static bool IsMalePatronymic(string key) => key.EndsWith("oviq", StringComparison.Ordinal) || key.EndsWith("eviq", StringComparison.Ordinal);

    private static double FirstNameScore(string text)
    {
        var parts = text.Split('-', StringSplitOptions.RemoveEmptyEntries);
        // A double first name (Анна-Мария) is a first name when each part is one.
        var scores = parts.Select(part =>
        {
            var matches = Diminutives.Lookup(part);
            if (matches.Any(m => m.Form == Diminutives.Form.Full))
            {
                return 5.0;
            }
            if (matches.Any(m => m.Form == Diminutives.Form.Short))
            {
                return 4.0;
            }
            return matches.Count > 0 ? 3.0 : 0.0;
        }).ToList();
        return scores.Count > 0 && scores.All(s => s > 0) ? scores.Min() : 0;
    }

    private static Dictionary<Role, Initial> AssignInitials(HashSet<Role> taken, List<Initial> initials)
    {
        var result = new Dictionary<Role, Initial>();
        if (initials.Count == 0)
        {
            return result;
        }
        // «Иванов И.И.»: initials are first name and patronymic; «Иван И.»: a hidden surname (hh.ru does this).
        Role[] order = taken.Contains(Role.Surname)
            ? [Role.FirstName, Role.Patronymic]
            : taken.Contains(Role.FirstName) ? [Role.Surname, Role.Patronymic] : [Role.FirstName, Role.Patronymic, Role.Surname];
        var free = order.Where(r => !taken.Contains(r)).ToList();
        for (var i = 0; i < initials.Count && i < free.Count; i++)
        {
            result[free[i]] = initials[i];
        }
        return result;
    }

    private static NameOrder OrderOf(Dictionary<Role, (string Text, int Position)> parts, Dictionary<Role, Initial> initials)
    {
        int? surname = parts.TryGetValue(Role.Surname, out var s) ? s.Position
            : initials.TryGetValue(Role.Surname, out var si) ? si.Position : null;
        var others = parts.Where(p => p.Key != Role.Surname).Select(p => p.Value.Position)
            .Concat(initials.Where(i => i.Key != Role.Surname).Select(i => i.Value.Position)).ToList();
        if (surname is null || others.Count == 0)
        {
            return NameOrder.Unknown;
        }
        return surname < others.Min() ? NameOrder.SurnameFirst : NameOrder.SurnameLast;
    }

    /// <summary>IVANOV and ivanov become Ivanov (each part of Римский-Корсаков too); mixed case is kept as typed.</summary>
    private static string Capitalize(string word)
    {
        var letters = word.Where(char.IsLetter).ToList();
        if (letters.Count == 0 || (!letters.All(char.IsUpper) && !letters.All(char.IsLower)))
        {
            return word;
        }
        var result = new StringBuilder(word.Length);
        var startOfPart = true;
        foreach (var c in word)
        {
            result.Append(startOfPart ? char.ToUpper(c, CultureInfo.InvariantCulture) : char.ToLower(c, CultureInfo.InvariantCulture));
            startOfPart = c is '-' or ' ';
        }
        return result.ToString();
    }

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"[^\s,;/]+")]
    private static partial Regex Chunks();
}
