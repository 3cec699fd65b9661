using Marten;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.HttpDefaults;

namespace RobuustOD.EventStore;

public static class SnapshotCaching
{
    /// <summary>
    /// An in-process cache of the latest snapshot of every stream of type <typeparamref name="T"/> (<see cref="LatestSnapshots{T}"/>),
    /// with what keeps it right: this store's commit listener and the listener for other instances' commits (once per service).
    /// </summary>
    public static IServiceCollection AddLatestSnapshots<T>(this IServiceCollection services, Func<T, string> keyOf, Func<T, long> versionOf)
        where T : class
    {
        if (!services.Any(d => d.ServiceType == typeof(StreamChanges)))
        {
            services.AddSingleton<StreamChanges>();
            services.ConfigureMarten((sp, options) => options.Listeners.Add(sp.GetRequiredService<StreamChanges>()));
            if (!BuildTime.IsGeneratingOpenApi)
            {
                services.AddHostedService<StreamChangeListener>();
            }
        }

        return services.AddSingleton(sp => new LatestSnapshots<T>(keyOf, versionOf, sp.GetRequiredService<StreamChanges>(),
            sp.GetRequiredService<IDocumentStore>()));
    }
}
