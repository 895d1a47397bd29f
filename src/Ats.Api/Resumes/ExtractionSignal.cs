namespace Ats.Api.Resumes;

/// <summary>Wakes this instance's extraction workers when a file arrives, instead of waiting for the next poll.</summary>
public sealed class ExtractionSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);

    public void Notify() => _semaphore.Release();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
