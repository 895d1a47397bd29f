using System.Collections.Concurrent;

namespace Ats.Api.Deduplication.Names;

/// <summary>
/// A bounded, thread-safe cache of a pure function of one string. Names repeat — a million candidates carry a few
/// thousand first names and some tens of thousands of surnames — so the transliteration keys, diminutive look-ups and
/// city keys that a batch scan asks for millions of times are computed once each. When the cache is full it starts
/// over (typos make the set of names open-ended; memory stays bounded). Values must be immutable.
/// </summary>
internal sealed class Memo<T>(Func<string, T> compute, int capacity = 100_000)
{
    private ConcurrentDictionary<string, T> _cache = new(StringComparer.Ordinal);

    public T Get(string key)
    {
        var cache = _cache;
        if (cache.TryGetValue(key, out var value))
        {
            return value;
        }
        value = compute(key);
        if (cache.Count >= capacity)
        {
            _cache = cache = new ConcurrentDictionary<string, T>(StringComparer.Ordinal);
        }
        cache.TryAdd(key, value);
        return value;
    }
}
