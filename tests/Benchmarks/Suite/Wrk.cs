using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RobuustOD.Benchmarks.Suite;

/// <summary>What one load run measured: throughput, latency percentiles, and how many answers were not 2xx/3xx.</summary>
public sealed record Measurement(double PerSecond, double P50Ms, double P99Ms, long Requests, long Errors)
{
    public override string ToString() =>
        $"{PerSecond.ToString("N0", CultureInfo.InvariantCulture)}/s, p50 {P50Ms.ToString("0.0", CultureInfo.InvariantCulture)} ms, "
        + $"p99 {P99Ms.ToString("0.0", CultureInfo.InvariantCulture)} ms" + (Errors > 0 ? $" ({Errors} not 2xx)" : "");
}

/// <summary>
/// wrk (Debian package <c>wrk</c>) as the load generator: HTTP/1.1 keep-alive connections, latency percentiles
/// with <c>--latency</c>, a Lua script for the writes.
/// </summary>
public static partial class Wrk
{
    public const string Path = "wrk";

    /// <summary>
    /// Renames ODs <c>&lt;prefix&gt;00000</c>.. with a PATCH of <c>naam</c>, a name never used before on each request. The
    /// requests of one thread go round the ODs in turn, so that with more ODs than connections no two writes race for
    /// the same OD (which would be a 409 by design, not a cost).
    /// </summary>
    public const string PatchScript =
        """
        local threads = 0
        function setup(thread)
          thread:set("tid", threads)
          threads = threads + 1
        end
        function init(args)
          prefix = args[1]; count = tonumber(args[2]); nthreads = tonumber(args[3]); run = args[4]; i = 0
        end
        function request()
          i = i + 1
          local n = (i * nthreads + tid) % count
          local code = string.format("%s%05d", prefix, n)
          local body = string.format('{"naam":"%s %s-%d-%d"}', code, run, tid, i)
          return wrk.format("PATCH", "/register/v1/omgevingsdiensten/" .. code, nil, body)
        end
        """;

    public static bool IsInstalled()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(Path, "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            probe!.WaitForExit();
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static async Task<Measurement> RunAsync(Uri url, int connections, TimeSpan duration, IReadOnlyList<string> headers,
        string? script = null, IReadOnlyList<string>? scriptArgs = null)
    {
        var threads = Math.Min(connections, Math.Max(1, Environment.ProcessorCount));
        var info = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-t", $"{threads}", "-c", $"{connections}", "-d", $"{(int)duration.TotalSeconds}s", "--latency", "--timeout", "10s"])
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var header in headers)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add(header);
        }

        string? scriptFile = null;
        if (script is not null)
        {
            scriptFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"robuustod-wrk-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(scriptFile, script);
            info.ArgumentList.Add("-s");
            info.ArgumentList.Add(scriptFile);
        }

        info.ArgumentList.Add(url.ToString());
        if (scriptArgs is not null)
        {
            info.ArgumentList.Add("--");
            foreach (var arg in scriptArgs)
            {
                info.ArgumentList.Add(arg.Replace("{threads}", $"{threads}", StringComparison.Ordinal));
            }
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return Parse(await output + await errors);
        }
        finally
        {
            if (scriptFile is not null)
            {
                File.Delete(scriptFile);
            }
        }
    }

    /// <summary>Reads wrk's summary: "Requests/sec:", the latency distribution and "Non-2xx or 3xx responses:".</summary>
    public static Measurement Parse(string output)
    {
        var perSecond = Number(RequestsPerSecond(), output) ?? throw new InvalidOperationException($"wrk gave no result:\n{output}");
        var requests = (long)(Number(RequestCount(), output) ?? 0);
        var socket = SocketErrors().Match(output);
        var errors = (long)(Number(NonSuccess(), output) ?? 0)
            + (socket.Success ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
        return new Measurement(perSecond, Percentile("50", output), Percentile("99", output), requests, errors);
    }

    private static double? Number(Regex regex, string output) =>
        regex.Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static double Percentile(string p, string output)
    {
        var m = Regex.Match(output, $@"^\s*{p}%\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!m.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
