using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using RobuustOD.Contracts.Eventing;
using YamlDotNet.RepresentationModel;

namespace RobuustOD.Contracts.Tests;

/// <summary>
/// The Dapr files under dapr/ (run with `dapr run -f dapr/dapr.yaml` where the Dapr CLI is installed) agree with
/// the code: component name, app ids and ports, project folders, and with each other (policies, timeouts).
/// No Dapr runtime is needed: the files are parsed and compared.
/// </summary>
public sealed partial class DaprConfigurationTests
{
    /// <summary>The services, their Dapr app ids (= AppHost resource names) and their fixed loopback ports.</summary>
    private static readonly Dictionary<string, (string Folder, int Port)> Services = new(StringComparer.Ordinal)
    {
        ["registry"] = ("Registry", 5101),
        ["assessment"] = ("Assessment", 5102),
        ["monitoring"] = ("Monitoring", 5103),
        ["subsidy"] = ("Subsidy", 5104),
        ["notifications"] = ("Notifications", 5105),
    };

    /// <summary>Folders under services/ that are libraries, not services with an app id.</summary>
    private static readonly string[] Libraries = ["ServiceDefaults", "RegisterReadModel", "CatalogusReadModel"];

    private const string DevIdentityAppId = "devidentity";
    private const int DevIdentityPort = 5199;

    private static readonly string Root = FindRepoRoot();
    private static readonly string DaprFolder = Path.Combine(Root, "dapr");

    [Fact]
    public void alle_yaml_bestanden_in_dapr_zijn_geldige_yaml()
    {
        var files = Directory.GetFiles(DaprFolder, "*.yaml", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var stream = new YamlStream();
            var ex = Record.Exception(() => stream.Load(new StringReader(File.ReadAllText(file))));
            Assert.True(ex is null, $"{Relative(file)} is not valid YAML: {ex?.Message}");
            Assert.True(stream.Documents.Count > 0 && stream.Documents.All(d => d.RootNode is YamlMappingNode),
                $"{Relative(file)} must hold one or more YAML mappings");
        }
    }

    [Fact]
    public void elke_service_heeft_een_app_met_zijn_app_id_poort_en_projectmap()
    {
        var apps = Apps();
        var appHost = File.ReadAllText(Path.Combine(Root, "deploy", "AppHost", "AppHost.cs"));
        var appHostServices = AppHostService().Matches(appHost)
            .ToDictionary(m => m.Groups["name"].Value, m => (Project: m.Groups["project"].Value, Port: int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture)));

        foreach (var (appId, (folder, port)) in Services)
        {
            Assert.True(apps.ContainsKey(appId), $"dapr/dapr.yaml has no app '{appId}'");
            var app = apps[appId];
            var dir = AppDir(app);
            Assert.Equal(Path.Combine(Root, "services", folder), dir);
            Assert.True(File.Exists(Path.Combine(dir, folder + ".csproj")), $"{Relative(dir)} has no {folder}.csproj");

            Assert.Equal(port, int.Parse(Scalar(app, "appPort")!, CultureInfo.InvariantCulture));
            Assert.Equal(["dotnet", "run", "--no-launch-profile", "--urls", $"http://127.0.0.1:{port}"], Sequence(app, "command"));
            Assert.Equal($"http://127.0.0.1:{port}", LaunchUrl(dir));

            Assert.True(appHostServices.TryGetValue(appId, out var hosted), $"deploy/AppHost/AppHost.cs does not add service '{appId}'");
            Assert.Equal((folder, port), hosted);
        }
    }

    [Fact]
    public void elk_serviceproject_onder_services_staat_in_dapr_yaml()
    {
        var appDirs = Apps().Values.Select(AppDir).ToHashSet(StringComparer.Ordinal);
        var projects = Directory.GetDirectories(Path.Combine(Root, "services"))
            .Where(dir => !Libraries.Contains(Path.GetFileName(dir)) && Directory.GetFiles(dir, "*.csproj").Length > 0)
            .ToList();

        Assert.NotEmpty(projects);
        var missing = projects.Where(dir => !appDirs.Contains(dir)).Select(Relative).ToList();
        Assert.True(missing.Count == 0, "Service projects without an app in dapr/dapr.yaml: " + string.Join(", ", missing));
        Assert.Equal(Services.Values.Select(s => s.Folder).Order(), projects.Select(dir => Path.GetFileName(dir)).Order());
    }

    [Fact]
    public void elke_app_map_bestaat_en_bevat_een_project()
    {
        foreach (var (appId, app) in Apps())
        {
            var dir = AppDir(app);
            Assert.True(Directory.Exists(dir), $"app '{appId}': appDirPath {Relative(dir)} does not exist");
            Assert.True(Directory.GetFiles(dir, "*.csproj").Length == 1, $"app '{appId}': {Relative(dir)} holds no single .csproj");
        }
    }

    [Fact]
    public void de_identity_provider_draait_mee_zonder_app_poort_voor_zijn_sidecar()
    {
        var app = Apps()[DevIdentityAppId];
        Assert.Equal(Path.Combine(Root, "deploy", "DevIdentity"), AppDir(app));
        Assert.Null(Scalar(app, "appPort"));
        Assert.Equal($"http://127.0.0.1:{DevIdentityPort}", LaunchUrl(AppDir(app)));
        Assert.Equal(["dotnet", "run", "--no-launch-profile", "--urls", $"http://127.0.0.1:{DevIdentityPort}"], Sequence(app, "command"));
        Assert.Equal("Development", Env(app)["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public void alle_poorten_zijn_vast_en_verschillend()
    {
        var ports = new List<(string Owner, int Port)>();
        foreach (var (appId, app) in Apps())
        {
            foreach (var key in new[] { "appPort", "daprHTTPPort", "daprGRPCPort", "metricsPort" })
            {
                if (Scalar(app, key) is { } value)
                {
                    ports.Add(($"{appId}.{key}", int.Parse(value, CultureInfo.InvariantCulture)));
                }
                else
                {
                    Assert.True(key == "appPort" && appId == DevIdentityAppId, $"app '{appId}' has no fixed {key}");
                }
            }
        }

        ports.Add(($"{DevIdentityAppId} (--urls)", DevIdentityPort));
        var clashes = ports.GroupBy(p => p.Port).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.Owner))}").ToList();
        Assert.True(clashes.Count == 0, "Ports used twice: " + string.Join("; ", clashes));
    }

    [Fact]
    public void de_omgeving_van_de_apps_past_bij_de_code()
    {
        var run = Load("dapr.yaml");
        Assert.Equal("1", Scalar(run, "version"));
        var common = Map(run, "common");
        Assert.True(Directory.Exists(Path.Combine(DaprFolder, Scalar(common, "resourcesPath")!)), "common.resourcesPath does not exist");
        Assert.True(File.Exists(Path.Combine(DaprFolder, Scalar(common, "configFilePath")!)), "common.configFilePath does not exist");

        foreach (var (appId, app) in Apps())
        {
            // The CLI merges common.env into each app's own env map, and fails on an app without one.
            Assert.True(app.Children.TryGetValue(new YamlScalarNode("env"), out var env) && env is YamlMappingNode { Children.Count: > 0 },
                $"app '{appId}' needs an env map of its own");
            var unquoted = ((YamlMappingNode)env).Children.Concat(Map(common, "env").Children)
                .Where(e => e.Value is not YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted })
                .Select(e => ((YamlScalarNode)e.Key).Value).ToList();
            Assert.True(unquoted.Count == 0, $"app '{appId}': env values must be quoted strings: {string.Join(", ", unquoted)}");
        }

        foreach (var (appId, (folder, _)) in Services)
        {
            var env = Env(Apps()[appId]);
            Assert.Equal("Development", env["ASPNETCORE_ENVIRONMENT"]);
            Assert.Equal("Dapr", env["Eventing__Mode"]);
            Assert.Equal($"http://127.0.0.1:{DevIdentityPort}", env["Auth__Authority"]);
            Assert.Equal("false", env["Auth__RequireHttpsMetadata"]);
            Assert.Contains("Port=5433", env["ConnectionStrings__robuustod"], StringComparison.Ordinal);
            Assert.Contains("Database=robuustod", env["ConnectionStrings__robuustod"], StringComparison.Ordinal);
            Assert.Equal("true", env["Seeds__LoadOnStartup"]);
            // Relative to the app's folder, where the CLI runs its command.
            Assert.Equal(Path.Combine(Root, "seeds"), Path.GetFullPath(Path.Combine(Root, "services", folder, env["Seeds__Path"])));
            // The sidecar sends APP_API_TOKEN as dapr-api-token; the service expects Eventing:AppApiToken.
            Assert.False(string.IsNullOrEmpty(env["APP_API_TOKEN"]));
            Assert.Equal(env["APP_API_TOKEN"], env["Eventing__AppApiToken"]);
        }
    }

    [Fact]
    public void de_pubsub_component_heet_zoals_in_de_code_en_houdt_de_volgorde_per_od()
    {
        var pubsub = Resources("Component").SingleOrDefault(c => Scalar(Map(c, "spec"), "type")!.StartsWith("pubsub.", StringComparison.Ordinal));
        Assert.NotNull(pubsub);
        Assert.Equal(PubSub.Name, Scalar(Map(pubsub, "metadata"), "name"));
        Assert.Equal("pubsub.redis", Scalar(Map(pubsub, "spec"), "type"));

        var metadata = ComponentMetadata(pubsub);
        Assert.Equal("{appID}", metadata["consumerID"]);
        Assert.Equal("1", metadata["concurrency"]);
        Assert.Equal("false", metadata["enableTLS"]);

        Assert.Equal(Services.Keys.Order(), Sequence(pubsub, "scopes").Order());
    }

    [Fact]
    public void de_topics_en_dead_letter_topics_van_de_code_zijn_geldige_namen()
    {
        var topics = typeof(PubSub.Topics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Contains("register", topics);
        Assert.Equal("register-onbestelbaar", PubSub.DeadLetterTopic(PubSub.Topics.Register));

        // Valid on Redis Streams and on the production alternatives (Kafka allows [a-zA-Z0-9._-], at most 249).
        foreach (var name in topics.Concat(topics.Select(PubSub.DeadLetterTopic)))
        {
            Assert.Matches(TopicName(), name);
        }

        // Declarative subscriptions, should any be added, must use the component, a known topic and its dead-letter topic.
        foreach (var subscription in Resources("Subscription"))
        {
            var spec = Map(subscription, "spec");
            Assert.Equal(PubSub.Name, Scalar(spec, "pubsubname"));
            Assert.Contains(Scalar(spec, "topic"), topics);
            Assert.Equal(PubSub.DeadLetterTopic(Scalar(spec, "topic")!), Scalar(spec, "deadLetterTopic"));
        }
    }

    [Fact]
    public void de_resiliency_verwijst_naar_de_component_en_de_apps_met_bestaande_policies()
    {
        // daprd reads Resiliency resources from its resources path only.
        var resiliency = Assert.Single(Resources("Resiliency"));
        Assert.Equal(Services.Keys.Order(), Sequence(resiliency, "scopes").Order());

        var spec = Map(resiliency, "spec");
        var policies = Map(spec, "policies");
        var targets = Map(spec, "targets");

        var component = Map(Map(targets, "components"), PubSub.Name);
        AssertPolicies(policies, Map(component, "outbound"), $"components.{PubSub.Name}.outbound");
        AssertPolicies(policies, Map(component, "inbound"), $"components.{PubSub.Name}.inbound");

        var apps = Map(targets, "apps");
        Assert.Equal(Services.Keys.Order(), apps.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order());
        foreach (var appId in Services.Keys)
        {
            AssertPolicies(policies, Map(apps, appId), $"apps.{appId}");
        }

        var componentNames = Resources("Component").Select(c => Scalar(Map(c, "metadata"), "name")).ToHashSet();
        foreach (var name in Map(targets, "components").Children.Keys.Select(k => ((YamlScalarNode)k).Value))
        {
            Assert.Contains(name, componentNames);
        }
    }

    [Fact]
    public void redis_geeft_een_bericht_pas_opnieuw_uit_na_de_langste_aflevering_met_retries()
    {
        var spec = Map(Assert.Single(Resources("Resiliency")), "spec");
        var policies = Map(spec, "policies");
        var inbound = Map(Map(Map(Map(spec, "targets"), "components"), PubSub.Name), "inbound");
        var timeout = Duration(Scalar(Map(policies, "timeouts"), Scalar(inbound, "timeout")!)!);
        var retry = Map(Map(policies, "retries"), Scalar(inbound, "retry")!);
        Assert.Equal("exponential", Scalar(retry, "policy"));
        var maxRetries = int.Parse(Scalar(retry, "maxRetries")!, CultureInfo.InvariantCulture);
        Assert.InRange(maxRetries, 1, 100);
        var maxInterval = Duration(Scalar(retry, "maxInterval")!);

        // Dapr's exponential backoff: interval from 0.5 s growing by 1.5, capped at maxInterval, times up to 1.5 (jitter).
        var backoff = TimeSpan.Zero;
        var interval = TimeSpan.FromMilliseconds(500);
        for (var i = 0; i < maxRetries; i++)
        {
            backoff += (interval < maxInterval ? interval : maxInterval) * 1.5;
            interval *= 1.5;
        }

        var longest = timeout * (maxRetries + 1) + backoff;
        var pubsub = Resources("Component").Single(c => Scalar(Map(c, "metadata"), "name") == PubSub.Name);
        var processingTimeout = Duration(ComponentMetadata(pubsub)["processingTimeout"]!);
        Assert.True(processingTimeout > longest,
            $"processingTimeout {processingTimeout} must exceed the longest inbound delivery with retries ({longest}), or Redis redelivers an event still being retried");
    }

    [Fact]
    public void de_sidecar_configuratie_traceert_en_meet()
    {
        var config = Load("config.yaml");
        Assert.Equal("Configuration", Scalar(config, "kind"));
        var spec = Map(config, "spec");
        Assert.Equal("1", Scalar(Map(spec, "tracing"), "samplingRate"));
        Assert.Equal("localhost:4317", Scalar(Map(Map(spec, "tracing"), "otel"), "endpointAddress"));
        Assert.Equal("true", Scalar(Map(spec, "metrics"), "enabled"));
    }

    private static void AssertPolicies(YamlMappingNode policies, YamlMappingNode target, string where)
    {
        foreach (var (kind, section) in new[] { ("timeout", "timeouts"), ("retry", "retries"), ("circuitBreaker", "circuitBreakers") })
        {
            var name = Scalar(target, kind);
            Assert.True(name is not null, $"resiliency target {where} has no {kind}");
            Assert.True(Map(policies, section).Children.ContainsKey(new YamlScalarNode(name)),
                $"resiliency target {where} refers to {kind} '{name}', which policies.{section} does not define");
        }
    }

    private static Dictionary<string, string?> ComponentMetadata(YamlMappingNode component) =>
        ((YamlSequenceNode)Map(component, "spec").Children[new YamlScalarNode("metadata")]).Children
            .Cast<YamlMappingNode>().ToDictionary(m => Scalar(m, "name")!, m => Scalar(m, "value"), StringComparer.Ordinal);

    private static Dictionary<string, YamlMappingNode> Apps() =>
        ((YamlSequenceNode)Load("dapr.yaml").Children[new YamlScalarNode("apps")]).Children.Cast<YamlMappingNode>()
            .ToDictionary(app => Scalar(app, "appID") ?? throw new InvalidOperationException("an app without appID"), StringComparer.Ordinal);

    private static string AppDir(YamlMappingNode app) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(DaprFolder, Scalar(app, "appDirPath")!)));

    /// <summary>The app's own env over common.env, as the CLI merges them.</summary>
    private static Dictionary<string, string> Env(YamlMappingNode app)
    {
        var env = Map(Map(Load("dapr.yaml"), "common"), "env").Children
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!, StringComparer.Ordinal);
        foreach (var (key, value) in Map(app, "env").Children)
        {
            env[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value!;
        }

        return env;
    }

    /// <summary>All resources of <paramref name="kind"/> in the resources path of dapr.yaml.</summary>
    private static List<YamlMappingNode> Resources(string kind)
    {
        var folder = Path.Combine(DaprFolder, Scalar(Map(Load("dapr.yaml"), "common"), "resourcesPath")!);
        return [.. Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(file => Documents(File.ReadAllText(file)))
            .Where(doc => Scalar(doc, "apiVersion") == "dapr.io/v1alpha1" && Scalar(doc, "kind") == kind)];
    }

    private static YamlMappingNode Load(string relativePath) =>
        Documents(File.ReadAllText(Path.Combine(DaprFolder, relativePath))).Single();

    private static IEnumerable<YamlMappingNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode);
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlMappingNode map
            ? map
            : throw new Xunit.Sdk.XunitException($"no mapping '{key}' in {node.Start}");

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(n => ((YamlScalarNode)n).Value!)];

    private static string? LaunchUrl(string projectDir)
    {
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(projectDir, "Properties", "launchSettings.json")));
        return settings.RootElement.GetProperty("profiles").EnumerateObject().First().Value.GetProperty("applicationUrl").GetString();
    }

    /// <summary>A Go duration as Dapr writes them: 500ms, 10s, 2m, 1m30s.</summary>
    private static TimeSpan Duration(string text)
    {
        var parts = DurationPart().Matches(text);
        Assert.True(parts.Count > 0 && string.Concat(parts.Select(p => p.Value)) == text, $"'{text}' is not a duration");
        return parts.Aggregate(TimeSpan.Zero, (sum, p) =>
        {
            var n = double.Parse(p.Groups["n"].Value, CultureInfo.InvariantCulture);
            return sum + p.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
        });
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RobuustOD.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RobuustOD.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"AddService<Projects\.(?<project>\w+)>\(""(?<name>[a-z-]+)"", defaultPort: (?<port>\d+)\)")]
    private static partial Regex AppHostService();

    [GeneratedRegex(@"^[a-zA-Z0-9._-]{1,249}$")]
    private static partial Regex TopicName();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)(?<unit>ms|s|m|h)")]
    private static partial Regex DurationPart();
}
