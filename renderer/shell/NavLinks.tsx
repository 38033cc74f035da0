// The navigation, generated from the route registry (renderer/app/screens.ts): a screen appears
// here only when its route exists. Links are real anchors (`#/settings`), so they work with the
// keyboard, middle-click is harmless, and the active one carries aria-current="page".
import { NavLink } from '@mantine/core';
import type { NavLinkProps } from '@mantine/core';
import { createLink, useRouterState } from '@tanstack/react-router';
import type { AnchorHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { navScreens } from '../app/screens';

type MantineAnchorProps = Omit<NavLinkProps, 'href'> & AnchorHTMLAttributes<HTMLAnchorElement>;

function MantineNavAnchor(props: MantineAnchorProps) {
  return <NavLink component="a" {...props} />;
}

const RouterNavLink = createLink(MantineNavAnchor);

export function NavLinks() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <>
      {navScreens().map((screen) => {
        const active = pathname === screen.path || pathname.startsWith(`${screen.path}/`);
        return (
          <RouterNavLink
            key={screen.id}
            to={screen.path}
            // Fetch the screen's chunk as the pointer or focus reaches its link (app/route-preload.ts).
            preload="intent"
            label={t(`nav.${screen.id}`)}
            active={active}
            aria-current={active ? 'page' : undefined}
            data-testid={`nav-${screen.id}`}
          />
        );
      })}
    </>
  );
}
