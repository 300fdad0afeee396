namespace ChuyenDe.Modules.Editors;

public enum SubmitIntent
{
    SaveDraft,
    Publish,
    Preview,
}
