namespace ChuyenDe.Modules.Search;

/// <summary>Wakes the indexer of this node soon after a change (it polls anyway).</summary>
internal sealed class SearchIndexSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Nudge()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
            {
                _semaphore.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already nudged.
        }
    }

    /// <summary>Waits for a nudge or the timeout; true when nudged.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
