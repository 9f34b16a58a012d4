using MassTransit;

namespace IngestPipeline.Pipeline.Hosting;

/// <summary>
/// Commands are sent to their stage's queue by name, not published to an exchange: RabbitMQ keeps a message sent
/// to a queue even when no worker has started yet (sending declares the queue), whereas a message published while
/// no queue is bound to the exchange is dropped. The names are those the kebab-case formatter gives the consumers.
/// </summary>
public static class CommandQueues
{
    public static readonly Uri SplitDocument = new("queue:split-document");
    public static readonly Uri RecognizePage = new("queue:recognize-page");
    public static readonly Uri CleanDocument = new("queue:clean-document");
    public static readonly Uri PublishDocument = new("queue:publish-document");

    private static int _mapped;

    /// <summary>The queue of a command's type.</summary>
    public static Uri For(Type command) => command.Name switch
    {
        nameof(Contracts.SplitDocument) => SplitDocument,
        nameof(Contracts.RecognizePage) => RecognizePage,
        nameof(Contracts.CleanDocument) => CleanDocument,
        nameof(Contracts.PublishDocument) => PublishDocument,
        _ => throw new ArgumentException($"{command.Name} is not a command of the pipeline", nameof(command)),
    };

    /// <summary>Lets <c>Send(message)</c> find the queue of each command; once per process.</summary>
    public static void Map()
    {
        if (Interlocked.Exchange(ref _mapped, 1) == 1) return;
        EndpointConvention.Map<Contracts.SplitDocument>(SplitDocument);
        EndpointConvention.Map<Contracts.RecognizePage>(RecognizePage);
        EndpointConvention.Map<Contracts.CleanDocument>(CleanDocument);
        EndpointConvention.Map<Contracts.PublishDocument>(PublishDocument);
    }
}
