using System.Net;
using AngleSharp.Html.Parser;

namespace RobuustOD.Gateway.Tests.Platform;

/// <summary>
/// A person's browser without the browser: follows redirects by hand (so that every response is seen), keeps
/// cookies, and signs in on the development identity provider's picker page like a developer would.
/// </summary>
public sealed class SignedInClient : IDisposable
{
    private readonly HttpClient _http;

    public SignedInClient(Uri gateway)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Every response seen, in order: status, headers (Set-Cookie included) and body.</summary>
    public List<SeenResponse> Seen { get; } = [];

    /// <summary>Opens <paramref name="path"/> and, when sent to the identity provider, picks <paramref name="user"/>.</summary>
    public async Task<(HttpStatusCode Status, string Body, Uri Url)> SignInAsync(string user, string path, CancellationToken ct)
    {
        var (status, body, url) = await GetAsync(path, ct);
        if (!url.AbsolutePath.EndsWith("/connect/authorize", StringComparison.Ordinal))
        {
            return (status, body, url);
        }

        var form = new HtmlParser().ParseDocument(body).QuerySelector("form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("gebruiker", user)).ToList();
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _http.PostAsync(new Uri(url, form.GetAttribute("action")), content, ct);
        return await FollowAsync(response, ct);
    }

    public async Task<(HttpStatusCode Status, string Body, Uri Url)> GetAsync(string pathOrUrl, CancellationToken ct)
    {
        using var response = await _http.GetAsync(new Uri(pathOrUrl, UriKind.RelativeOrAbsolute), ct);
        return await FollowAsync(response, ct);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) => await _http.SendAsync(request, ct);

    private async Task<(HttpStatusCode, string, Uri)> FollowAsync(HttpResponseMessage first, CancellationToken ct)
    {
        var response = first;
        for (var hops = 0; ; hops++)
        {
            var url = response.RequestMessage!.RequestUri!;
            var body = await response.Content.ReadAsStringAsync(ct);
            Seen.Add(new SeenResponse(url, response.StatusCode, response.Headers.ToString() + response.Content.Headers,
                response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.ToList() : [], body));
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null || hops > 10)
            {
                if (!ReferenceEquals(response, first))
                {
                    response.Dispose();
                }

                return (response.StatusCode, body, url);
            }

            var next = new Uri(url, response.Headers.Location);
            if (!ReferenceEquals(response, first))
            {
                response.Dispose();
            }

            response = await _http.GetAsync(next, ct);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A response on the way: its headers as text, each Set-Cookie on its own, and its body.</summary>
public sealed record SeenResponse(Uri Url, HttpStatusCode Status, string Headers, IReadOnlyList<string> SetCookies, string Body);
