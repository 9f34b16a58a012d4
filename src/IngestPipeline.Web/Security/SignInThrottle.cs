using System.Collections.Concurrent;
using System.Net;

namespace IngestPipeline.Web.Security;

/// <summary>
/// Failed sign-ins counted per client address: after <see cref="MaxFailures"/> within <see cref="Window"/>, the address
/// may not try again until the window has passed, whatever it sends. The accounts' own lockout stops guessing at one
/// account from many addresses; this stops one address from guessing at many accounts, or from keeping an account
/// locked. Behind a proxy the address is the client's only where forwarded headers are configured.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Addresses kept at most: past it, windows that have passed are forgotten.</summary>
    private const int MaxAddresses = 100_000;

    private readonly ConcurrentDictionary<IPAddress, (int Failures, DateTimeOffset Since)> _failures = new();

    /// <summary>How long the address must wait before it may try again; zero when it may now.</summary>
    public TimeSpan WaitFor(IPAddress? address)
    {
        if (address is null || !_failures.TryGetValue(address, out var entry) || entry.Failures < MaxFailures) return TimeSpan.Zero;
        var left = entry.Since + Window - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public void Failed(IPAddress? address)
    {
        if (address is null) return;
        var now = clock.GetUtcNow();
        if (_failures.Count >= MaxAddresses)
            foreach (var (key, value) in _failures)
                if (value.Since + Window <= now) _failures.TryRemove(key, out _);
        _failures.AddOrUpdate(address, (1, now), (_, entry) => entry.Since + Window <= now ? (1, now) : (entry.Failures + 1, entry.Since));
    }
}
