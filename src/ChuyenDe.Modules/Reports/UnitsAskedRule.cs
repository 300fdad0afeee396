using ChuyenDe.Modules.Organizations;

namespace ChuyenDe.Modules.Reports;

/// <summary>How the units asked by a round are chosen. Whatever the rule, the round keeps one row per unit asked.</summary>
public enum UnitsAskedRule
{
    /// <summary>Chosen by hand among the active district offices and schools below the owner.</summary>
    Manual,

    /// <summary>Every active district office directly below the owner (a Department).</summary>
    DistrictOffices,

    /// <summary>Every active school below the owner (a district office's schools; a Department's, through its district offices).</summary>
    Schools,
}

/// <summary>The units a round's owner may ask, and those a rule picks.</summary>
public static class UnitsAsked
{
    /// <summary>The active district offices and schools strictly below <paramref name="ownerId"/>, in tree order.</summary>
    public static IReadOnlyList<Organization> Candidates(IReadOnlyList<Organization> all, string ownerId)
    {
        var children = all.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!, StringComparer.Ordinal);
        var result = new List<Organization>();
        void Walk(string id)
        {
            foreach (var child in children[id].OrderBy(o => o.Name, StringComparer.CurrentCulture))
            {
                if (child.Active && child.Kind is OrganizationKind.DistrictOffice or OrganizationKind.School)
                {
                    result.Add(child);
                }

                if (child.Active)
                {
                    Walk(child.Id);
                }
            }
        }

        Walk(ownerId);
        return result;
    }

    /// <summary>The units a rule picks below the owner (empty for <see cref="UnitsAskedRule.Manual"/>).</summary>
    public static IReadOnlyList<Organization> Pick(IReadOnlyList<Organization> all, string ownerId, UnitsAskedRule rule)
    {
        var candidates = Candidates(all, ownerId);
        return rule switch
        {
            UnitsAskedRule.DistrictOffices => candidates.Where(o => o.Kind == OrganizationKind.DistrictOffice && o.ParentId == ownerId).ToList(),
            UnitsAskedRule.Schools => candidates.Where(o => o.Kind == OrganizationKind.School).ToList(),
            _ => [],
        };
    }
}
