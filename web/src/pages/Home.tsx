import { useEffect } from 'react';
import type { Session } from '../lib/auth';
import { useT } from '../lib/i18n';
import { Link, navigate } from '../lib/router';
import { Page } from '../ui/common';

/** The first screen of the user's main role. */
export function RoleHome({ session }: { session: Session }) {
  const t = useT();
  const home = session.roles.includes('STARTUP_MEMBER') ? '/startup'
    : session.roles.includes('INVESTOR') ? '/dealflow'
      : session.roles.includes('INCUBATOR_MANAGER') ? '/manage/events'
        : session.roles.includes('FUND_MANAGER') ? '/fund'
          : session.roles.includes('REVIEWER') ? '/reviews'
            : session.roles.includes('REGULATOR') ? '/sandbox'
              : session.roles.includes('TTO_MANAGER') ? '/technology/mine'
              : session.roles.includes('OFFICIAL') ? '/statistics'
              : session.roles.includes('ADMIN') ? '/admin/criteria'
                : null;
  useEffect(() => {
    if (home) navigate(home, true);
  }, [home]);
  if (home) return null;
  return (
    <Page title={t('Chào mừng', 'Welcome')}>
      <p>
        {t(
          'Tài khoản của bạn chưa có vai trò nào trên Innoport. Bạn vẫn có thể xem các đợt gọi vốn, sự kiện, hoặc dùng GraphiQL.',
          'Your account has no Innoport role yet. You can still browse funding calls and events, or use GraphiQL.',
        )}
      </p>
      <ul>
        <li><Link to="/calls">{t('Đợt gọi vốn', 'Funding calls')}</Link></li>
        <li><Link to="/events">{t('Sự kiện', 'Events')}</Link></li>
        <li><a href="/graphiql">GraphiQL</a></li>
      </ul>
    </Page>
  );
}

export function NotFound({ forbidden }: { forbidden?: boolean }) {
  const t = useT();
  return (
    <Page title={forbidden ? t('Không có quyền truy cập', 'No access') : t('Không tìm thấy trang', 'Page not found')}>
      <p>
        {forbidden
          ? t('Trang này dành cho vai trò khác.', 'This page is for another role.')
          : t('Địa chỉ này không có trang nào.', 'There is no page at this address.')}
      </p>
      <p><Link to="/">{t('Về trang chủ', 'Go to the home page')}</Link></p>
    </Page>
  );
}
