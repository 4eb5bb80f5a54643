import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  icon: LucideIcon;
  title: string;
  /** What will be on this page once there is something to show. */
  children: ReactNode;
  /** The first things to do, in order. */
  steps?: readonly string[];
  action?: ReactNode;
}

export function EmptyState({ icon: Icon, title, children, steps, action }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <div className="empty-state__icon" aria-hidden="true">
        <Icon size={28} strokeWidth={1.6} />
      </div>
      <h2 id="empty-state-title">{title}</h2>
      <div className="empty-state__body">{children}</div>
      {steps && steps.length > 0 && (
        <ol className="empty-state__steps">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )}
      {action && <div className="empty-state__action">{action}</div>}
    </section>
  );
}
