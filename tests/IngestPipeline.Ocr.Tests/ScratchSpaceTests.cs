using System.Diagnostics;
using IngestPipeline.Ocr.Imaging;

namespace IngestPipeline.Ocr.Tests;

/// <summary>Scratch files of a killed process are swept by the next; a running process's are left alone.</summary>
public sealed class ScratchSpaceTests
{
    [Fact]
    public void Leftovers_of_processes_that_are_gone_are_deleted_and_those_of_running_ones_kept()
    {
        int gone = ExitedProcessId();
        int running;
        using (var sleeper = Process.Start("sleep", "30"))
        {
            running = sleeper.Id;
            var deadFolder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"ingestpipeline-{gone}-pdf-{Guid.NewGuid():N}"));
            File.WriteAllText(Path.Combine(deadFolder.FullName, "in.pdf"), "left behind");
            var deadFile = Path.Combine(Path.GetTempPath(), $"ingestpipeline-{gone}-upload-{Guid.NewGuid():N}");
            File.WriteAllText(deadFile, "left behind");
            var livingFolder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"ingestpipeline-{running}-pdf-{Guid.NewGuid():N}"));
            var ours = ScratchSpace.NewDirectory("pdf");
            try
            {
                int swept = ScratchSpace.SweepLeftovers();

                Assert.True(swept >= 2, $"swept {swept}");
                Assert.False(deadFolder.Exists || Directory.Exists(deadFolder.FullName), "the dead process's folder is still there");
                Assert.False(File.Exists(deadFile), "the dead process's file is still there");
                Assert.True(Directory.Exists(livingFolder.FullName), "a running process's folder was deleted");
                Assert.True(Directory.Exists(ours.FullName), "this process's own folder was deleted");
            }
            finally
            {
                livingFolder.Delete(recursive: true);
                ours.Delete(recursive: true);
                sleeper.Kill();
            }
        }
    }

    private static int ExitedProcessId()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
