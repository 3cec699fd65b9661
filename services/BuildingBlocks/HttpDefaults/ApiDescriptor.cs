namespace RobuustOD.HttpDefaults;

/// <summary>
/// Who a service is on the wire: its base path carries the major version (NL GOV ADR),
/// <see cref="Version"/> is the full SemVer sent in every <c>API-Version</c> header.
/// </summary>
public sealed record ApiDescriptor(string Name, string Title, string Description, string Version)
{
    public string Major => "v" + Version.Split('.')[0];

    public string BasePath => $"/{Name}/{Major}";

    public string OpenApiPath => $"{BasePath}/openapi.json";

    public string DocsPath => $"{BasePath}/docs";
}
