using ChuyenDe.Modules.Contents;

namespace ChuyenDe.Modules.Definitions;

/// <summary>The content type form: technical name, Vietnamese display name, settings and the part kinds it has.</summary>
public sealed class TypeForm
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";

    // Check boxes: a box left unticked is not sent, so every setting is false unless the form says otherwise.
    public bool Creatable { get; set; }
    public bool Listable { get; set; }
    public bool Draftable { get; set; }
    public bool Versionable { get; set; }
    public bool Securable { get; set; }

    /// <summary>Items of the type go through the editorial review before publishing (our <c>WorkflowSettings.RequiresReview</c>).</summary>
    public bool RequiresReview { get; set; }

    /// <summary>The part kinds chosen (names from <see cref="ContentKinds.Parts"/>).</summary>
    public List<string> Parts { get; set; } = [];
}
