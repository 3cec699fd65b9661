using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace RobuustOD.DevIdentity.Tests;

public sealed class RegisterCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcceptsOdClientTheRegisterKnows()
    {
        var register = new StubRegister(_ => HttpStatusCode.OK);
        using var factory = WithRegister(register);

        using var response = await factory.CreateClient().RequestTokenAsync("od-ODIJmond", DevIdentityFactory.Secret, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var asked = Assert.Single(register.Requests);
        Assert.Equal("http://register.test/register/v1/omgevingsdiensten/ODIJmond", asked.AbsoluteUri);
    }

    [Fact]
    public async Task RejectsOdClientTheRegisterDoesNotKnow()
    {
        using var factory = WithRegister(new StubRegister(_ => HttpStatusCode.NotFound));

        using var response = await factory.CreateClient().RequestTokenAsync("od-NOPE", DevIdentityFactory.Secret, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task RejectsOdClientWhoseCodeTheRegisterSpellsOtherwise()
    {
        // Codes are unique regardless of case, and every service matches the token's od claim exactly: a token with
        // od=odg would match none of ODG's data. Should the register (or a proxy before it) find ODG for 'odg', the
        // client is still od-ODG, not od-odg.
        var register = new StubRegister(_ => HttpStatusCode.OK, _ => "ODG");
        using var factory = WithRegister(register);

        using var response = await factory.CreateClient().RequestTokenAsync("od-odg", DevIdentityFactory.Secret, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.Contains("od-ODG", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsUnreachableRegisterAsServerError()
    {
        using var factory = WithRegister(new StubRegister(_ => throw new HttpRequestException("connection refused")));

        using var response = await factory.CreateClient().RequestTokenAsync("od-ODG", DevIdentityFactory.Secret, Ct);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("server_error", body.GetProperty("error").GetString());
        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task DoesNotAskTheRegisterAboutFixedClientsOrBadSecrets()
    {
        var register = new StubRegister(_ => HttpStatusCode.OK);
        using var factory = WithRegister(register);
        var http = factory.CreateClient();

        using var fixedClient = await http.RequestTokenAsync("ienw", DevIdentityFactory.Secret, Ct);
        using var badSecret = await http.RequestTokenAsync("od-ODG", "wrong", Ct);

        Assert.Equal(HttpStatusCode.OK, fixedClient.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badSecret.StatusCode);
        Assert.Empty(register.Requests);
    }

    private static WebApplicationFactory<DevIdentityMarker> WithRegister(StubRegister register) =>
        new DevIdentityFactory().WithWebHostBuilder(builder => builder
            .UseSetting("DevIdentity:RegisterUrl", "http://register.test")
            .ConfigureTestServices(services => services
                .AddHttpClient(DevClients.RegisterHttpClient)
                .ConfigurePrimaryHttpMessageHandler(() => register)));

    /// <param name="code">The code in the register's answer; by default the one asked for, as the register spells it.</param>
    private sealed class StubRegister(Func<Uri, HttpStatusCode> answer, Func<Uri, string>? code = null) : HttpMessageHandler
    {
        public ConcurrentQueue<Uri> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal(HttpMethod.Get, request.Method);
            Requests.Enqueue(request.RequestUri!);
            var status = answer(request.RequestUri!);
            var response = new HttpResponseMessage(status);
            if (status == HttpStatusCode.OK)
            {
                response.Content = JsonContent.Create(new { code = code?.Invoke(request.RequestUri!) ?? request.RequestUri!.Segments[^1] });
            }

            return Task.FromResult(response);
        }
    }
}
