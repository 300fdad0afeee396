using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Licensing;

namespace ChuyenDe.Modules.Fields.TextField;

/// <summary>Text fields the display builder shows in their own places: the licence box and the authors line.</summary>
internal sealed partial class TextFieldDriver
{
    /// <summary>Whether the field is the item's licence (a text field named <c>License</c>).</summary>
    public static bool IsLicense(ContentPartFieldDefinition field)
        => field.FieldName == ContentKinds.TextField && LicenseField.IsLicenseField(field.Name);

    /// <summary>Whether the field is the text field of the given name (the authors' names).</summary>
    public static bool IsNamedText(ContentPartFieldDefinition field, string name)
        => field.FieldName == ContentKinds.TextField && field.Name == name;
}
