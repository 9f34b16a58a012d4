using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Pipeline.Hosting;
using MassTransit;

namespace IngestPipeline.Pipeline.Recognize;

/// <summary>
/// Pages compete for engines: one message more than there are engines (its page is read and decoded while the engines
/// work), no more, so another worker gets the rest. The page deadline bounds recognition; the timeout adds a minute for
/// reading, decoding and storing the page.
/// </summary>
public sealed class RecognizePageConsumerDefinition(PipelineOptions options)
    : StageDefinition<RecognizePageConsumer>(options.Worker.EngineCount + 1, options.Worker.PageDeadline + TimeSpan.FromMinutes(1))
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<RecognizePageConsumer> consumer,
        IRegistrationContext context)
    {
        endpoint.PrefetchCount = options.Worker.EngineCount + 1;
        base.ConfigureConsumer(endpoint, consumer, context);
    }
}
