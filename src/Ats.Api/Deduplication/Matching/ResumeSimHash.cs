using System.Numerics;
using System.Text;

namespace Ats.Api.Deduplication.Matching;

/// <summary>
/// A 64-bit SimHash of a résumé's text over three-word shingles: two texts that differ in a few lines (a résumé
/// re-saved from another site, one job added) have fingerprints a few bits apart; unrelated texts about 32 apart.
/// </summary>
/// <remarks>
/// Chosen over stored shingle sets (MinHash, Jaccard) because it is cheap: one number per résumé, one XOR and
/// popcount per comparison, and four 16-bit bands to block on (two fingerprints at most 3 bits apart share a band).
/// What it cannot do: see that two very different texts are one person's — it only supports the other evidence.
/// </remarks>
public static class ResumeSimHash
{
    /// <summary>Texts shorter than this (in words) give no fingerprint: a short text is mostly a template.</summary>
    public const int MinWords = 30;

    /// <summary>Fingerprints at most this many bits apart are called similar.</summary>
    public const int SimilarWithin = 3;

    /// <summary>The fingerprint, or null for a text too short to tell anything.</summary>
    public static ulong? Compute(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var words = Words(text);
        if (words.Count < MinWords)
        {
            return null;
        }
        Span<int> votes = stackalloc int[64];
        for (var i = 0; i + 2 < words.Count; i++)
        {
            var hash = Fnv1a(words[i], Fnv1a(words[i + 1], Fnv1a(words[i + 2], OffsetBasis)));
            for (var bit = 0; bit < 64; bit++)
            {
                votes[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }
        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (votes[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }
        return result;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    public static bool Similar(ulong a, ulong b) => Distance(a, b) <= SimilarWithin;

    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    // FNV-1a, not string.GetHashCode: fingerprints are stored, so the hash must not change between processes.
    private static ulong Fnv1a(string word, ulong hash)
    {
        foreach (var c in word)
        {
            hash ^= c;
            hash *= Prime;
        }
        hash ^= ' ';
        return hash * Prime;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c == 'ё' ? 'е' : c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words;
    }
}
