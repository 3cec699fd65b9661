using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RobuustOD.HttpDefaults.Security;

/// <summary>
/// Fetches the issuer's discovery document and signing keys at start-up instead of on the first authenticated
/// request, which otherwise waits for both (300-400 ms measured on a fresh process). It does not hold up the start:
/// when the issuer cannot be reached now, the first request fetches them as before.
/// </summary>
internal sealed partial class SigningKeysWarmUp(IOptionsMonitor<JwtBearerOptions> options, ILogger<SigningKeysWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var jwt = options.Get(JwtBearerDefaults.AuthenticationScheme);
        if (jwt.ConfigurationManager is { } configuration)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await configuration.GetConfigurationAsync(CancellationToken.None);
                }
#pragma warning disable CA1031 // Best effort: any failure is retried by the first request that needs the keys.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogNotYet(logger, jwt.Authority, ex.GetBaseException().Message);
                }
            }, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing keys of {Authority} not fetched at start ({Reason}); the first request fetches them")]
    private static partial void LogNotYet(ILogger logger, string? authority, string reason);
}
