using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace RobuustOD.Gateway.SignIn;

/// <summary>
/// Server-side sessions: the cookie carries only a random key; the ticket with the user's tokens stays in this
/// process's memory. So the browser never holds an access token, not even encrypted, and signing out (or a restart)
/// ends the session for good. One gateway instance: a farm would need a shared store (e.g. a distributed cache).
/// </summary>
public sealed class MemoryTicketStore(IMemoryCache cache) : ITicketStore
{
    private const string Prefix = "sessie:";

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        Keep(key, ticket);
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        Keep(key, ticket);
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(cache.TryGetValue(Prefix + key, out AuthenticationTicket? ticket) ? ticket : null);

    public Task RemoveAsync(string key)
    {
        cache.Remove(Prefix + key);
        return Task.CompletedTask;
    }

    private void Keep(string key, AuthenticationTicket ticket)
    {
        var expires = ticket.Properties.ExpiresUtc ?? DateTimeOffset.UtcNow.AddHours(1);
        cache.Set(Prefix + key, ticket, new MemoryCacheEntryOptions { AbsoluteExpiration = expires });
    }
}

/// <summary>Puts <see cref="MemoryTicketStore"/> into the cookie options (it needs the container).</summary>
internal sealed class SessionStoreSetup(MemoryTicketStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options) => options.SessionStore = store;
}
