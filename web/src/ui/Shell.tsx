import type { ReactNode } from 'react';
import type { Role, Session } from '../lib/auth';
import { useLang, useT, type T } from '../lib/i18n';
import { label } from '../lib/labels';
import { Link, navigate, useLocation } from '../lib/router';

interface NavItem { to: string; text: string }

/** The pages anyone may open without signing in. */
export function publicNav(t: T): NavItem[] {
  return [
    { to: '/public/calls', text: t('Đợt gọi vốn đang mở', 'Open calls') },
    { to: '/public/startups', text: t('Danh bạ startup', 'Startup directory') },
    { to: '/public/incubators', text: t('Vườn ươm', 'Incubators') },
    { to: '/public/events', text: t('Sự kiện', 'Events') },
    { to: '/public/sandbox-register', text: t('Sổ đăng ký thử nghiệm', 'Sandbox register') },
    { to: '/public/open-data', text: t('Dữ liệu mở', 'Open data') },
    { to: '/signin', text: t('Đăng nhập', 'Sign in') },
  ];
}

/** The screens of the user's roles. */
export function navFor(t: T, roles: Role[]): NavItem[] {
  const items: NavItem[] = [];
  const add = (to: string, vi: string, en: string) => {
    if (!items.some((i) => i.to === to)) items.push({ to, text: t(vi, en) });
  };
  if (roles.includes('STARTUP_MEMBER')) {
    add('/startup', 'Startup của tôi', 'My startup');
    add('/calls', 'Đợt gọi vốn', 'Funding calls');
    add('/applications', 'Hồ sơ đã nộp', 'My applications');
    add('/screening', 'Sàng lọc pháp lý', 'Legal screening');
    add('/incentives', 'Ưu đãi', 'Incentives');
    add('/events', 'Sự kiện', 'Events');
    add('/data-room', 'Phòng dữ liệu', 'Data room');
    add('/notifications', 'Thông báo', 'Notifications');
  }
  if (roles.includes('INVESTOR')) {
    add('/dealflow', 'Luồng thương vụ', 'Deal flow');
    add('/pipeline', 'Quy trình đầu tư', 'Pipeline');
    add('/saved-searches', 'Tìm kiếm đã lưu', 'Saved searches');
    add('/events', 'Sự kiện', 'Events');
    add('/notifications', 'Thông báo', 'Notifications');
  }
  if (roles.includes('INCUBATOR_MANAGER')) {
    add('/manage/events', 'Quản lý sự kiện', 'Manage events');
    add('/incubator', 'Startup của vườn ươm', 'Our startups');
  }
  if (roles.includes('FUND_MANAGER')) add('/fund', 'Quỹ và đợt gọi vốn', 'Fund and calls');
  if (roles.includes('REVIEWER')) add('/reviews', 'Hồ sơ được phân công', 'My assigned applications');
  if (roles.includes('REGULATOR')) add('/sandbox', 'Hồ sơ thử nghiệm', 'Sandbox applications');
  if (roles.includes('TTO_MANAGER')) add('/technology/mine', 'Chào bán của tổ chức', 'Our offers');
  if (roles.includes('OFFICIAL')) add('/statistics', 'Thống kê', 'Statistics');
  if (roles.includes('ADMIN')) {
    add('/admin/criteria', 'Bộ tiêu chí', 'Criteria sets');
    add('/admin/jobs', 'Tác vụ', 'Jobs');
    add('/admin/weights', 'Trọng số ghép nối', 'Matching weights');
    add('/admin/registry', 'Danh mục tổ chức', 'Registry');
    add('/admin/import', 'Nhập startup', 'Import startups');
    add('/statistics', 'Thống kê', 'Statistics');
  }
  add('/calls', 'Đợt gọi vốn', 'Funding calls');
  add('/technology', 'Chợ công nghệ', 'Technology market');
  add('/events', 'Sự kiện', 'Events');
  add('/public/sandbox-register', 'Sổ đăng ký thử nghiệm', 'Sandbox register');
  add('/public/open-data', 'Dữ liệu mở', 'Open data');
  return items;
}

export function Shell({ session, onSignOut, children }: { session: Session | null; onSignOut: () => void; children: ReactNode }) {
  const t = useT();
  const { lang, setLang } = useLang();
  const { path } = useLocation();
  const nav = session ? navFor(t, session.roles) : publicNav(t);
  // The current item is the one whose address is the longest prefix of the
  // page's: /technology/mine is "Our offers", not also the market.
  const current = nav.filter((i) => path === i.to || path.startsWith(`${i.to}/`))
    .reduce<string | null>((best, i) => (best && best.length >= i.to.length ? best : i.to), null);
  return (
    <>
      <a className="skip" href="#main">{t('Bỏ qua đến nội dung', 'Skip to content')}</a>
      <header className="top">
        <Link to="/" className="brand" aria-label={t('Innoport — trang chủ', 'Innoport — home')}>Innoport</Link>
        <div className="top-tools">
          <div role="group" aria-label={t('Ngôn ngữ', 'Language')} className="lang">
            <button type="button" aria-pressed={lang === 'vi'} onClick={() => setLang('vi')} lang="vi">VI</button>
            <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">EN</button>
          </div>
          {session && (
            <>
              <span className="who">
                <span className="who-name">{session.name} · </span>
                <span className="muted">{session.roles.map((r) => label(t, 'role', r)).join(', ')}</span>
              </span>
              <button type="button" className="link" onClick={() => { onSignOut(); navigate('/signin'); }}>
                {t('Đăng xuất', 'Sign out')}
              </button>
            </>
          )}
        </div>
      </header>
      {nav.length > 0 && (
        <nav className="main-nav" aria-label={t('Điều hướng chính', 'Main navigation')}>
          <ul>
            {nav.map((i) => (
              <li key={i.to}>
                <Link to={i.to} aria-current={i.to === current ? 'page' : undefined}>{i.text}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main">{children}</main>
    </>
  );
}
