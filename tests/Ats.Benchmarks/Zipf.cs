namespace Ats.Benchmarks;

/// <summary>
/// Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s — the shape of word, skill and employer
/// frequencies in real text. A binary search over the cumulative weights: O(log n) per draw, no allocation.
/// </summary>
public sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int n, double s)
        : this(Enumerable.Range(1, n).Select(r => 1 / Math.Pow(r, s)))
    {
    }

    /// <summary>Arbitrary weights (a city's population, say), drawn in proportion.</summary>
    public Zipf(IEnumerable<double> weights)
    {
        var w = weights.ToArray();
        _cumulative = new double[w.Length];
        var sum = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            sum += w[i];
            _cumulative[i] = sum;
        }
        for (var i = 0; i < w.Length; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public int Count => _cumulative.Length;

    /// <summary>Probability of rank <paramref name="rank"/>.</summary>
    public double P(int rank) => _cumulative[rank] - (rank == 0 ? 0 : _cumulative[rank - 1]);

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index >= 0 ? index : ~index, _cumulative.Length - 1);
    }

    public T Next<T>(Random random, IReadOnlyList<T> items) => items[Next(random)];
}
