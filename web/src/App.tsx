import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ComponentType } from 'react';
import { Provider } from 'urql';
import { clearSession, loadSession, type Role, type Session } from './lib/auth';
import { createClient, setRequestContext } from './lib/client';
import { LangContext, storedLang, storeLang, type Lang } from './lib/i18n';
import { match, useLocation } from './lib/router';
import { Shell } from './ui/Shell';
import { Loading } from './ui/common';
import { SignIn, AuthCallback } from './pages/SignIn';
import { NotFound, RoleHome } from './pages/Home';

// The screens of each user group load when first opened, so the first load
// carries only the shell and the sign-in page.
const founder = () => import('./pages/founder');
const investor = () => import('./pages/investor');
const incubator = () => import('./pages/incubator');
const shared = () => import('./pages/shared');
const fund = () => import('./pages/fund');
const review = () => import('./pages/review');
const regulator = () => import('./pages/regulator');
const admin = () => import('./pages/admin');
const publicPages = () => import('./pages/public');
const technology = () => import('./pages/technology');
const city = () => import('./pages/city');

type Params = Record<string, string>;
type Screen = ComponentType<{ params: Params; session: Session }>;
type PublicScreen = ComponentType<{ params: Params }>;

function screen<M, P extends object>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>): ComponentType<P> {
  return lazy(async () => ({ default: pick(await load()) }));
}

interface Route { pattern: string; roles: Role[] | 'any'; screen: Screen }

/** Pages anyone may open, signed in or not. */
const publicRoutes: { pattern: string; screen: PublicScreen }[] = [
  { pattern: '/public/calls', screen: screen(publicPages, (m) => m.PublicCalls) },
  { pattern: '/public/startups', screen: screen(publicPages, (m) => m.Directory) },
  { pattern: '/public/incubators', screen: screen(publicPages, (m) => m.PublicIncubators) },
  { pattern: '/public/events', screen: screen(publicPages, (m) => m.PublicEvents) },
  { pattern: '/public/sandbox-register', screen: screen(publicPages, (m) => m.SandboxRegister) },
  { pattern: '/public/open-data', screen: screen(city, (m) => m.OpenData) },
];

const routes: Route[] = [
  { pattern: '/startup', roles: ['STARTUP_MEMBER'], screen: screen(founder, (m) => m.FounderHome) },
  { pattern: '/calls', roles: 'any', screen: screen(founder, (m) => m.Calls) },
  { pattern: '/calls/:id', roles: 'any', screen: screen(founder, (m) => m.CallPage) },
  { pattern: '/applications', roles: ['STARTUP_MEMBER'], screen: screen(founder, (m) => m.MyApplications) },
  { pattern: '/applications/:id', roles: 'any', screen: screen(founder, (m) => m.ApplicationPage) },
  { pattern: '/screening', roles: ['STARTUP_MEMBER'], screen: screen(founder, (m) => m.Screening) },
  { pattern: '/incentives', roles: ['STARTUP_MEMBER'], screen: screen(city, (m) => m.Incentives) },
  { pattern: '/statistics', roles: ['OFFICIAL', 'ADMIN'], screen: screen(city, (m) => m.Statistics) },
  { pattern: '/data-room', roles: ['STARTUP_MEMBER'], screen: screen(founder, (m) => m.DataRoom) },
  { pattern: '/dealflow', roles: ['INVESTOR'], screen: screen(investor, (m) => m.DealFlow) },
  { pattern: '/pipeline', roles: ['INVESTOR'], screen: screen(investor, (m) => m.Pipeline) },
  { pattern: '/saved-searches', roles: ['INVESTOR'], screen: screen(investor, (m) => m.SavedSearches) },
  { pattern: '/startups/:id', roles: 'any', screen: screen(investor, (m) => m.StartupProfile) },
  { pattern: '/manage/events', roles: ['INCUBATOR_MANAGER'], screen: screen(incubator, (m) => m.ManageEvents) },
  { pattern: '/manage/events/new', roles: ['INCUBATOR_MANAGER'], screen: screen(incubator, (m) => m.NewEvent) },
  { pattern: '/manage/events/:id', roles: ['INCUBATOR_MANAGER'], screen: screen(incubator, (m) => m.ManageEvent) },
  { pattern: '/manage/events/:id/check-in', roles: ['INCUBATOR_MANAGER'], screen: screen(incubator, (m) => m.CheckIn) },
  { pattern: '/incubator', roles: ['INCUBATOR_MANAGER'], screen: screen(incubator, (m) => m.MyIncubator) },
  { pattern: '/events', roles: 'any', screen: screen(shared, (m) => m.Events) },
  { pattern: '/events/:id', roles: 'any', screen: screen(shared, (m) => m.EventPage) },
  { pattern: '/notifications', roles: ['STARTUP_MEMBER', 'INVESTOR'], screen: screen(shared, (m) => m.Notifications) },
  { pattern: '/fund', roles: ['FUND_MANAGER'], screen: screen(fund, (m) => m.FundHome) },
  { pattern: '/fund/calls/new', roles: ['FUND_MANAGER'], screen: screen(fund, (m) => m.CallEditor) },
  { pattern: '/fund/calls/:id', roles: ['FUND_MANAGER', 'ADMIN'], screen: screen(fund, (m) => m.ManageCall) },
  { pattern: '/fund/calls/:id/edit', roles: ['FUND_MANAGER', 'ADMIN'], screen: screen(fund, (m) => m.CallEditor) },
  { pattern: '/fund/applications/:id', roles: ['FUND_MANAGER', 'ADMIN'], screen: screen(fund, (m) => m.ManageApplication) },
  { pattern: '/reviews', roles: ['REVIEWER'], screen: screen(review, (m) => m.MyReviews) },
  { pattern: '/reviews/:id', roles: ['REVIEWER'], screen: screen(review, (m) => m.ReviewApplication) },
  { pattern: '/sandbox', roles: ['REGULATOR'], screen: screen(regulator, (m) => m.SandboxQueue) },
  { pattern: '/sandbox/:id', roles: ['REGULATOR', 'ADMIN'], screen: screen(regulator, (m) => m.SandboxCase) },
  { pattern: '/admin/criteria', roles: ['ADMIN'], screen: screen(admin, (m) => m.CriteriaSets) },
  { pattern: '/admin/criteria/:id', roles: ['ADMIN'], screen: screen(admin, (m) => m.CriteriaSetPage) },
  { pattern: '/admin/jobs', roles: ['ADMIN'], screen: screen(admin, (m) => m.Jobs) },
  { pattern: '/admin/weights', roles: ['ADMIN'], screen: screen(admin, (m) => m.MatchingWeightsPage) },
  { pattern: '/admin/registry', roles: ['ADMIN'], screen: screen(admin, (m) => m.Registry) },
  { pattern: '/admin/import', roles: ['ADMIN'], screen: screen(admin, (m) => m.ImportPage) },
  { pattern: '/technology', roles: 'any', screen: screen(technology, (m) => m.TechnologyMarket) },
  { pattern: '/technology/mine', roles: ['TTO_MANAGER'], screen: screen(technology, (m) => m.OurOffers) },
  { pattern: '/technology/offers/:id', roles: 'any', screen: screen(technology, (m) => m.OfferPage) },
];

export function App() {
  const [lang, setLang] = useState<Lang>(storedLang);
  const [session, setSession] = useState<Session | null>(loadSession);
  const [expired, setExpired] = useState(false);
  const { path } = useLocation();

  useEffect(() => storeLang(lang), [lang]); // remembered, and the page's lang attribute

  const endSession = useCallback((why: 'expired' | 'signed-out') => {
    clearSession();
    setSession(null);
    setExpired(why === 'expired');
  }, []);
  // A new client per session and language: nothing cached for one user is shown to the next.
  setRequestContext(session?.token ?? null, lang);
  const client = useMemo(() => createClient(() => endSession('expired')), [session, lang, endSession]);

  useEffect(() => {
    if (!session) return;
    const ms = session.expiresAt - Date.now();
    const timer = setTimeout(() => endSession('expired'), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session, endSession]);

  let body;
  const open = publicRoutes.map((r) => ({ r, params: match(r.pattern, path) })).find((x) => x.params);
  if (open) {
    const Screen = open.r.screen;
    body = <Screen key={path} params={open.params!} />;
  } else if (path === '/auth/callback') {
    body = <AuthCallback onSignedIn={(s) => { setSession(s); setExpired(false); }} />;
  } else if (!session) {
    body = <SignIn expired={expired} onSignedIn={(s) => { setSession(s); setExpired(false); }} />;
  } else if (path === '/' || path === '/signin') {
    body = <RoleHome session={session} />;
  } else {
    body = <NotFound />;
    for (const r of routes) {
      const params = match(r.pattern, path);
      if (!params) continue;
      const Screen = r.screen;
      body = r.roles === 'any' || r.roles.some((role) => session.roles.includes(role))
        ? <Screen key={path} params={params} session={session} />
        : <NotFound forbidden />;
      break;
    }
  }

  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <Provider value={client}>
        <Shell session={session} onSignOut={() => endSession('signed-out')}>
          <Suspense fallback={<Loading />}>{body}</Suspense>
        </Shell>
      </Provider>
    </LangContext.Provider>
  );
}
