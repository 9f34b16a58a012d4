using System.Diagnostics;
using System.Text.Json;
using IngestPipeline.Contracts;
using IngestPipeline.Infrastructure.State;
using IngestPipeline.Pipeline.Hosting;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IngestPipeline.Pipeline.Lifecycle;

/// <summary>
/// Sends the commands saved in the outbox (<see cref="OutboxMessage"/>) to their queues and deletes them. Every host
/// with a bus runs one: it is woken by its own process's saves and otherwise looks every second, so a command saved
/// by a process that died before sending goes out from another within about a second. Rows are taken in batches
/// under a lease: a dispatcher that dies in mid-send leaves its batch to another when the lease is over, and a
/// command can then go out twice, which the stages, idempotent, shrug off.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IBus bus, ILogger<OutboxDispatcher> log) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private const int BatchSize = 100;

    private static readonly Dictionary<string, Type> Contracts = new[]
    {
        typeof(SplitDocument), typeof(RecognizePage), typeof(CleanDocument), typeof(PublishDocument),
    }.ToDictionary(t => t.Name);

    private readonly SemaphoreSlim _signal = new(0);
    private int _woken;

    /// <summary>The row for <paramref name="command"/>, to be saved with the change that calls for it.</summary>
    public static OutboxMessage Row(object command, DateTime now, string? traceParent = null)
    {
        if (!Contracts.ContainsKey(command.GetType().Name)) throw new ArgumentException($"{command.GetType().Name} is not a command of the pipeline", nameof(command));
        return new OutboxMessage
        {
            Queue = CommandQueues.For(command.GetType()).AbsolutePath, Type = command.GetType().Name,
            Body = JsonSerializer.Serialize(command, command.GetType()), CreatedAt = now, AvailableAt = now, TraceParent = traceParent,
        };
    }

    /// <summary>Asks for a look at the outbox now (a save just put commands there).</summary>
    public void Wake()
    {
        if (Interlocked.Exchange(ref _woken, 1) == 0) _signal.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(PollInterval, stoppingToken);
                Interlocked.Exchange(ref _woken, 0);
                while (await SendBatchAsync(stoppingToken) == BatchSize) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database or the broker is away for a moment: the rows wait, and the next look tries again.
                log.LogWarning(e, "The outbox could not be sent; trying again");
                await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Takes up to a batch of due rows under a lease, sends them in order and deletes them. Returns how many it took.</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var now = DateTime.UtcNow;
        var claim = Guid.NewGuid();
        // A look that finds nothing only reads: an idle host does not take the database's write lock every second.
        if (!await db.Outbox.AnyAsync(m => m.AvailableAt <= now, cancellation)) return 0;
        var due = db.Outbox.Where(m => m.AvailableAt <= now).OrderBy(m => m.Id).Take(BatchSize).Select(m => m.Id);
        int taken = await db.Outbox.Where(m => due.Contains(m.Id) && m.AvailableAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, now + Lease).SetProperty(m => m.Claim, claim)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellation);
        if (taken == 0) return 0;
        var rows = await db.Outbox.AsNoTracking().Where(m => m.Claim == claim).OrderBy(m => m.Id).ToListAsync(cancellation);
        foreach (var row in rows)
        {
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{row.Queue}"));
            var type = Contracts[row.Type];
            // Sent as a child of the span that saved it: a document's stages are one trace from its upload on.
            using var span = ActivityContext.TryParse(row.TraceParent, null, out var saved)
                ? PipelineMetrics.Traces.StartActivity($"outbox {row.Type}", ActivityKind.Producer, saved)
                : null;
            await endpoint.Send(JsonSerializer.Deserialize(row.Body, type)!, type, cancellation);
        }
        await db.Outbox.Where(m => m.Claim == claim).ExecuteDeleteAsync(cancellation);
        return taken;
    }
}
