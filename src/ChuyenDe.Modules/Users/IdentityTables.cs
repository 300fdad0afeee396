using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChuyenDe.Modules.Users;

/// <summary>
/// The Identity tables (<c>AspNetUsers</c>, <c>AspNetRoles</c> and their claims, logins, tokens and role links), contributed
/// to the site's DbContext like every module's tables, so that Data knows nothing of Identity. The mapping is the one
/// <c>IdentityDbContext&lt;CmsUser, CmsRole, string&gt;</c> builds for Identity's schema version 1 with no key length and
/// no personal-data protection (the site sets neither), plus the site's own columns; Identity's stores
/// (<c>AddEntityFrameworkStores</c>) use these default entity types through <c>DbContext.Set&lt;T&gt;()</c>.
/// </summary>
internal sealed class IdentityTables :
    IEntityTypeConfiguration<CmsUser>,
    IEntityTypeConfiguration<CmsRole>,
    IEntityTypeConfiguration<IdentityUserClaim<string>>,
    IEntityTypeConfiguration<IdentityUserLogin<string>>,
    IEntityTypeConfiguration<IdentityUserToken<string>>,
    IEntityTypeConfiguration<IdentityUserRole<string>>,
    IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    private const int NameLength = 256;

    public void Configure(EntityTypeBuilder<CmsUser> b)
    {
        b.ToTable("AspNetUsers");
        b.HasKey(u => u.Id);
        b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(u => u.UserName).HasMaxLength(NameLength);
        b.Property(u => u.NormalizedUserName).HasMaxLength(NameLength);
        b.Property(u => u.Email).HasMaxLength(NameLength);
        b.Property(u => u.NormalizedEmail).HasMaxLength(NameLength);
        b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
        b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex");

        b.Property(u => u.DisplayName).HasMaxLength(256);
        b.Property(u => u.OrganizationId).HasMaxLength(64);
        b.HasIndex(u => u.OrganizationId);

        b.HasMany<IdentityUserClaim<string>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        b.HasMany<IdentityUserLogin<string>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        b.HasMany<IdentityUserToken<string>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
        b.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(r => r.UserId).IsRequired();
    }

    public void Configure(EntityTypeBuilder<CmsRole> b)
    {
        b.ToTable("AspNetRoles");
        b.HasKey(r => r.Id);
        b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(r => r.Name).HasMaxLength(NameLength);
        b.Property(r => r.NormalizedName).HasMaxLength(NameLength);
        b.HasIndex(r => r.NormalizedName).HasDatabaseName("RoleNameIndex").IsUnique();

        b.Property(r => r.Description).HasMaxLength(1024);

        b.HasMany<IdentityUserRole<string>>().WithOne().HasForeignKey(r => r.RoleId).IsRequired();
        b.HasMany<IdentityRoleClaim<string>>().WithOne().HasForeignKey(c => c.RoleId).IsRequired();
    }

    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> b)
    {
        b.ToTable("AspNetUserClaims");
        b.HasKey(c => c.Id);
    }

    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> b)
    {
        b.ToTable("AspNetUserLogins");
        b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
    }

    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> b)
    {
        b.ToTable("AspNetUserTokens");
        b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
    }

    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> b)
    {
        b.ToTable("AspNetUserRoles");
        b.HasKey(r => new { r.UserId, r.RoleId });
    }

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> b)
    {
        b.ToTable("AspNetRoleClaims");
        b.HasKey(c => c.Id);
    }
}
