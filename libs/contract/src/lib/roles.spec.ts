import {
  isFirmRole,
  PERMISSIONS,
  roleHasPermission,
  ROLE_PERMISSIONS,
  USER_ROLES,
} from './roles';

describe('roles and permissions', () => {
  it('gives firm admins everything and firm staff everything but administration', () => {
    expect(ROLE_PERMISSIONS.firm_admin).toEqual(
      expect.arrayContaining([
        'firm.read',
        'firm.admin',
        'employer.users.manage',
      ]),
    );
    expect(roleHasPermission('firm_staff', 'firm.read')).toBe(true);
    expect(roleHasPermission('firm_staff', 'firm.admin')).toBe(false);
    expect(roleHasPermission('firm_staff', 'employer.users.manage')).toBe(
      false,
    );
  });

  it('lets owners manage their users and members only read', () => {
    expect(roleHasPermission('employer_owner', 'employer.users.manage')).toBe(
      true,
    );
    expect(roleHasPermission('employer_member', 'employer.users.read')).toBe(
      false,
    );
    expect(roleHasPermission('employer_member', 'employer.read')).toBe(true);
  });

  it('lets every role read and write dossiers: employer users their own, the firm acting for every employer', () => {
    for (const role of USER_ROLES) {
      expect(roleHasPermission(role, 'employer.dossiers.write')).toBe(true);
      expect(roleHasPermission(role, 'employer.read')).toBe(true);
    }
    expect(PERMISSIONS).toContain('employer.dossiers.write');
  });

  it('never gives an employer role a firm permission', () => {
    for (const role of USER_ROLES.filter((r) => !isFirmRole(r))) {
      expect(ROLE_PERMISSIONS[role].some((p) => p.startsWith('firm.'))).toBe(
        false,
      );
    }
  });
});
