using Marten;

namespace RobuustOD.RegisterReadModel;

public static class RegisterReadModelExtensions
{
    public static StoreOptions AddRegisterReadModel(this StoreOptions options)
    {
        // Two events of one OD applied at once must not overwrite each other.
        options.Schema.For<OmgevingsdienstUitRegister>().UseOptimisticConcurrency(true);
        return options;
    }
}
