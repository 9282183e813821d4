import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/settings';

/** 学校 or 区教育局: whose copy of the app this is, as two radio buttons with what each means. */
export function RoleChoice({ value, onChange }: { value: Role; onChange: (role: Role) => void }) {
  const { t } = useTranslation();
  const roles: Role[] = ['school', 'bureau'];
  return (
    <fieldset className="role-choice">
      <legend>{t('role.question')}</legend>
      {roles.map((role) => (
        <label key={role} className="role-option">
          <input
            type="radio"
            name="role"
            value={role}
            checked={value === role}
            onChange={() => onChange(role)}
          />
          <span>
            <strong>{t(`role.${role}`)}</strong>
            <small className="hint">{t(`role.${role}Hint`)}</small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
