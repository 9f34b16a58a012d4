namespace IngestPipeline.Services.Tests.Support;

/// <summary>
/// The scale-out on this machine: a web host and two worker processes on RabbitMQ, PostgreSQL and Azurite, in a
/// database, virtual host and set of containers of their own.
/// </summary>
internal sealed class ScaleOutDeployment : IDisposable
{
    private ScaleOutDeployment(string work, Dictionary<string, string> settings, HostProcess web, PipelineClient api)
    {
        Work = work;
        Settings = settings;
        Web = web;
        Api = api;
    }

    public string Work { get; }
    public Dictionary<string, string> Settings { get; }
    public HostProcess Web { get; }
    public List<HostProcess> Workers { get; } = [];
    public PipelineClient Api { get; }

    public static async Task<ScaleOutDeployment> StartAsync(int workers = 2)
    {
        var work = Repository.NewTempDirectory();
        var settings = ServiceEnvironment.ScaleOut(ServiceEnvironment.NewRunName());
        settings["Pipeline__Scheduling__StageDeadline"] = "00:00:45";
        var webSettings = new Dictionary<string, string>(settings) { ["Pipeline__Worker__Enabled"] = "false" };
        var (web, address) = await HostProcess.WebAsync(webSettings, Path.Combine(work, "web.log"));
        var deployment = new ScaleOutDeployment(work, settings, web, new PipelineClient(address));
        for (int i = 1; i <= workers; i++) deployment.StartWorker();
        return deployment;
    }

    /// <summary>A worker with one OCR engine: two of them share this machine's two cores.</summary>
    public HostProcess StartWorker()
    {
        var worker = HostProcess.Worker(new Dictionary<string, string>(Settings) { ["Pipeline__Worker__Engines"] = "1" },
            Path.Combine(Work, $"worker{Workers.Count + 1}.log"), listen: true);
        Workers.Add(worker);
        return worker;
    }

    public string Logs() => string.Join("\n", new[] { ("web", Web) }.Concat(Workers.Select((w, i) => ($"worker{i + 1}", w)))
        .Select(h => $"--- {h.Item1}\n{h.Item2.Log()}"));

    /// <summary>Waits until at least this many pages are recognised.</summary>
    public async Task WaitForRecognizedPagesAsync(IEnumerable<Guid> documents, int pages, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            int done = 0;
            foreach (var id in documents) done += (await Api.DocumentAsync(id)).Pages.Count(p => p.Status == "Recognized");
            if (done >= pages) return;
            await Task.Delay(300);
        }
        throw new TimeoutException($"Fewer than {pages} pages recognised after {timeout}\n{Logs()}");
    }

    public void Dispose()
    {
        foreach (var worker in Workers) worker.Dispose();
        Web.Dispose();
        Api.Dispose();
    }
}
