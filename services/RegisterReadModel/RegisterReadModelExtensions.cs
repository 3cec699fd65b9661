using Marten;
using Marten.Schema;

namespace RobuustOD.RegisterReadModel;

public static class RegisterReadModelExtensions
{
    public static StoreOptions AddRegisterReadModel(this StoreOptions options)
    {
        // Two events of one OD applied at once must not overwrite each other.
        options.Schema.For<OmgevingsdienstUitRegister>().UseOptimisticConcurrency(true)
            // OD codes are unique regardless of case (OdCode.Sleutel): two registrations that differ only in case,
            // applied at the same time, cannot both commit even though each found no other before it inserted.
            .Index(od => od.Id, index =>
            {
                index.Casing = ComputedIndex.Casings.Upper;
                index.IsUnique = true;
                index.Name = "omgevingsdienstuitregister_code_uniek";
            });
        return options;
    }
}
