using System.Diagnostics;

namespace RobuustOD.LocalPostgres;

internal readonly record struct ProcessResult(int ExitCode, string Output);

internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = string.Join('\n', new[] { await stdout, await stderr }.Where(s => s.Length > 0)).Trim();
        return new ProcessResult(process.ExitCode, output);
    }

    public static async Task<string> RunCheckedAsync(string file, IReadOnlyList<string> args, CancellationToken ct)
    {
        var result = await RunAsync(file, args, ct);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{file} {string.Join(' ', args)}` exited with code {result.ExitCode}:\n{result.Output}");
        }

        return result.Output;
    }
}
