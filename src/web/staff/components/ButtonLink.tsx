import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router';

/** A link that looks like a button: a real <a> (opens in a new tab too) that navigates inside the app. */
export function ButtonLink({ to, ...props }: Omit<ButtonProps, 'href' | 'onClick'> & { to: string }) {
  const navigate = useNavigate();
  return (
    <Button
      {...props}
      href={to}
      onClick={(e) => {
        // a plain click stays in the app; ctrl/cmd-click and middle-click open a tab as links do
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        void navigate(to);
      }}
    />
  );
}
