using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RobuustOD.HttpDefaults.Seeds;

/// <summary>
/// A service's seed files, loaded at start from <c>{Seeds:Path}/{folder}</c> when <c>Seeds:LoadOnStartup</c> is set
/// (never while the build generates the OpenAPI document). Each file is read as the API's request body and checked by
/// the same validator as the API's, so a seed is never something a client could not have sent; the subclass loads it
/// through the feature's own command, acting as <c>seed</c>, and keeps it idempotent.
/// </summary>
public abstract partial class SeedsBijStart(IConfiguration configuration, IServiceProvider services, ILogger logger, string seedFolder) : IHostedService
{
    /// <summary>The API's JSON rules, except that the files' provenance (<c>_over</c>) and other notes are skipped.</summary>
    protected static JsonSerializerOptions Json { get; } = CreateJson();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (BuildTime.IsGeneratingOpenApi || !configuration.GetValue("Seeds:LoadOnStartup", false)
            || configuration["Seeds:Path"] is not { Length: > 0 } root)
        {
            return;
        }

        await LaadAsync(Path.Combine(root, seedFolder), cancellationToken);
    }

    /// <summary>Loads the seed files of <paramref name="folder"/> (the tests call it with the repository's seeds).</summary>
    public abstract Task LaadAsync(string folder, CancellationToken ct);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A seed file as the request body <typeparamref name="T"/>, validated.</summary>
    protected async Task<T> Lees<T>(string file, CancellationToken ct)
        where T : class
    {
        await using var stream = File.OpenRead(file);
        var value = await JsonSerializer.DeserializeAsync<T>(stream, Json, ct)
            ?? throw new InvalidOperationException($"Seed {file} is empty.");
        await Valideer(value, ct);
        return value;
    }

    /// <summary>Checks a value with the API's validator of its type, if it has one; an invalid seed stops the start.</summary>
    protected async Task Valideer<T>(T value, CancellationToken ct)
    {
        if (services.GetService<IValidator<T>>() is { } validator)
        {
            var result = await validator.ValidateAsync(value, ct);
            if (!result.IsValid)
            {
                throw new InvalidOperationException($"Seed {typeof(T).Name} is invalid: {result}");
            }
        }
    }

    protected void Geladen(string what) => LogGeladen(logger, what);

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions();
        Extensions.ConfigureJson(json);
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        return json;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed loaded: {What}")]
    private static partial void LogGeladen(ILogger logger, string what);
}
