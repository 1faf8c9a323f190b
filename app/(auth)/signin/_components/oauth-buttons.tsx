import { buttonClasses } from "~/components/ui/button";

export function OAuthButtons({ providers, callbackPath }: { providers: { id: string; name: string }[]; callbackPath: string }) {
  return (
    <ul className="space-y-2">
      {providers.map((provider) => (
        <li key={provider.id}>
          <a
            href={`/api/auth/signin/${encodeURIComponent(provider.id)}?callbackUrl=${encodeURIComponent(callbackPath)}`}
            className={buttonClasses("secondary", "md", "w-full")}
          >
            Continue with {provider.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
