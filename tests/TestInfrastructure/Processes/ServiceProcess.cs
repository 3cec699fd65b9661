using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace RobuustOD.TestInfrastructure.Processes;

/// <summary>
/// A service as a real OS process (<c>dotnet &lt;dll&gt;</c>) on 127.0.0.1:<see cref="Port"/>, configured by
/// environment variables only, as an orchestrator runs it. It can be killed (SIGKILL: no shutdown code runs) and
/// started again on the same port with the same settings. Its console output is kept, across restarts.
/// A watcher in its own session kills it should the test process die first.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int MaxLines = 500_000;

    private const string GuardScript =
        """
        exec </dev/null >/dev/null 2>&1
        owner=$1; child=$2
        while kill -0 "$owner"; do kill -0 "$child" || exit 0; sleep 1; done
        kill -9 "$child"
        """;

    private readonly BuiltService _service;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private Process? _guard;

    public ServiceProcess(string name, BuiltService service, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        _service = service;
        Port = port;
        _environment = environment;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>How often the process was started.</summary>
    public int Starts { get; private set; }

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Every line the process wrote (stdout and stderr), of all its incarnations.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public int CountLines(string fragment) => _output.Count(line => line.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Starts the process (again); it is not ready yet.</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} runs already (pid {_process!.Id}).");
        }

        _process?.Dispose();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _service.Folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(_service.Dll);
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var incarnation = ++Starts;
        process.OutputDataReceived += (_, e) => Keep(incarnation, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(incarnation, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        StartGuard(process.Id);
    }

    /// <summary>Polls <paramref name="path"/> until it answers 200; fails early when the process ends.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct, string path = "/health/ready")
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < timeout)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"{Name} ended (exit code {_process?.ExitCode}) before it was ready:\n{Tail(30)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
            {
                last = ex.GetBaseException().Message;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException($"{Name} not ready at {path} within {timeout} (last: {last}):\n{Tail(30)}");
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it was doing; no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        process.Kill(); // SIGKILL on Unix
        await process.WaitForExitAsync();
        StopGuard();
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int lines) => string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }

        StopGuard();
        _process?.Dispose();
    }

    private void Keep(int incarnation, string? line)
    {
        if (line is not null && _output.Count < MaxLines)
        {
            _output.Enqueue($"[{Name}#{incarnation}] {line}");
        }
    }

    private void StartGuard(int child)
    {
        StopGuard();
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var arg in (string[])["sh", "-c", GuardScript, "service-guard", Environment.ProcessId.ToString(), child.ToString()])
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            _guard = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid: no guard; disposal still ends the process.
        }
    }

    private void StopGuard()
    {
        try
        {
            if (_guard is { HasExited: false })
            {
                _guard.Kill();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _guard?.Dispose();
        _guard = null;
    }
}
