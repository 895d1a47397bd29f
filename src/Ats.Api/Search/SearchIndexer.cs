using Microsoft.Extensions.Options;

namespace Ats.Api.Search;

/// <summary>Opens (or rebuilds) the index on start, then applies the change log after its cursor, batch by batch.</summary>
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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (DateTimeOffset.UtcNow >= nextPrune)
                {
                    nextPrune = DateTimeOffset.UtcNow + options.Value.PruneInterval;
                    await index.PruneChangeLogAsync(options.Value.ChangeLogRetention, stoppingToken);
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
