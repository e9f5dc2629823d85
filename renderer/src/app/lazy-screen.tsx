// Screens load when first shown: each feature is its own chunk, so CodeMirror (policy workspace),
// the message browser and future heavy screens cost nothing until used. Any screen plugs in with
// `lazyScreen(() => import('./X'), 'X')`.
import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

export function lazyScreen<Props extends object, Name extends string>(load: () => Promise<Record<Name, ComponentType<Props>>>, name: Name): ComponentType<Props> {
  const Lazy = lazy<ComponentType<Props>>(async () => ({ default: (await load())[name] }));
  function Screen(props: Props) {
    return (
      <ScreenSuspense>
        <Lazy {...props} />
      </ScreenSuspense>
    );
  }
  Screen.displayName = `Lazy(${name})`;
  return Screen;
}

export function ScreenSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center h={120}>
          <Loader size="sm" aria-label="Loading the screen" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}
