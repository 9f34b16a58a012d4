using IngestPipeline.Infrastructure.Configuration;
using IngestPipeline.Pipeline.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IngestPipeline.Pipeline.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void A_host_with_wrong_settings_does_not_start_and_is_told_each_by_its_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:Worker:Enabled"] = "false",
            ["Pipeline:Worker:MaxPageAttempts"] = "0",
            ["Pipeline:Scheduling:StageDeadline"] = "-00:01:00",
            ["Pipeline:Scheduling:TimeZone"] = "Europe/Atlantis",
            ["Pipeline:Illegibility:Collections:frus"] = "1.5",
            ["Pipeline:Bus:Transport"] = "RabbitMq",
            ["Pipeline:Bus:Host"] = "",
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPipeline(configuration));

        Assert.Contains("Pipeline:Worker:MaxPageAttempts must be at least 1", error.Message);
        Assert.Contains("Pipeline:Scheduling:StageDeadline must be longer than zero", error.Message);
        Assert.Contains("Pipeline:Scheduling:TimeZone \"Europe/Atlantis\" is not a time zone this machine knows", error.Message);
        Assert.Contains("Pipeline:Illegibility:Collections:frus is a probability between 0 and 1", error.Message);
        Assert.Contains("Pipeline:Bus:Host is needed for RabbitMQ", error.Message);
    }

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(PipelineOptionsValidation.Problems(new PipelineOptions()));
}
