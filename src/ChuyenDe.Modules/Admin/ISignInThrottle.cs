namespace ChuyenDe.Modules.Admin;

/// <summary>
/// The counters that slow password guessing down (see <see cref="SignInThrottle"/> for the rules): in this process on one
/// node, in Redis when several nodes share the work (<c>ScaleOut/RedisSignInThrottle</c>), so failures spread over the
/// nodes count together.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>How long this attempt must still wait; <see cref="TimeSpan.Zero"/> when it may go ahead.</summary>
    Task<TimeSpan> RetryAfterAsync(string? address, string account, CancellationToken ct = default);

    /// <summary>Records a failed attempt (unknown account or wrong password).</summary>
    Task FailedAsync(string? address, string account, CancellationToken ct = default);

    /// <summary>A right password: the account's failures from this address are forgotten.</summary>
    Task SucceededAsync(string? address, string account, CancellationToken ct = default);
}
