using Microsoft.Extensions.Options;

namespace Ats.Api.Search;

/// <summary>Opens (or rebuilds) the index on start, then applies the change log after its cursor, batch by batch, and
/// retries a failed background rebuild of an index with an older layout every Search:RebuildRetryInterval.</summary>
public sealed class SearchIndexer(SearchIndex index, IOptions<SearchOptions> options, ILogger<SearchIndexer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!index.IsOpen && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await index.OpenAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Search index could not be opened or rebuilt; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
        var nextPrune = DateTimeOffset.UtcNow + options.Value.PruneInterval;
        // An index of an older layout started its rebuild on opening; if that failed, it is tried again from time to time.
        var nextRebuildTry = DateTimeOffset.UtcNow + options.Value.RebuildRetryInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (DateTimeOffset.UtcNow >= nextPrune)
                {
                    nextPrune = DateTimeOffset.UtcNow + options.Value.PruneInterval;
                    await index.PruneChangeLogAsync(options.Value.ChangeLogRetention, stoppingToken);
                }
                if (DateTimeOffset.UtcNow >= nextRebuildTry)
                {
                    nextRebuildTry = DateTimeOffset.UtcNow + options.Value.RebuildRetryInterval;
                    if (index.NeedsRebuild && index.TryStartRebuild(logger, stoppingToken))
                    {
                        logger.LogWarning("Search index still has an older layout; rebuilding again");
                    }
                }
                if (await index.ApplyChangesAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Applying search changes failed; retrying");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
